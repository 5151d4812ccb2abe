package jp.bousai.relay.core.area.directory;

/**
 * One search result: a municipality (then {@code town} is {@code null}) or a town of it. Show
 * {@link Municipality#label()} next to a town or municipality name: names repeat (北海道 has two
 * 泊村, in 古宇郡 and 国後郡; many municipalities have a 本町).
 */
public record AreaMatch(MatchRank rank, Municipality municipality, Town town) {

    public boolean isTown() {
        return town != null;
    }
}
