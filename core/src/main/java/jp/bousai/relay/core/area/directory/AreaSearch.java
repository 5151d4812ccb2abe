package jp.bousai.relay.core.area.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.core.area.JisCode;

/**
 * Name and reading search: one pass over the municipalities and the towns in scope, sorting each
 * hit into its rank and keeping no more than the limit per rank, so memory stays bounded whatever
 * the query.
 */
final class AreaSearch {

    private final List<Municipality> municipalities;
    private final String[] municipalityNameKeys;
    private final String[] municipalityKanaKeys;
    private final int[] townStarts;
    private final TownTable towns;

    AreaSearch(List<Municipality> municipalities, int[] townStarts, TownTable towns) {
        this.municipalities = municipalities;
        this.townStarts = townStarts;
        this.towns = towns;
        municipalityNameKeys = new String[municipalities.size()];
        municipalityKanaKeys = new String[municipalities.size()];
        for (int i = 0; i < municipalities.size(); i++) {
            municipalityNameKeys[i] = SearchKey.of(municipalities.get(i).name());
            municipalityKanaKeys[i] = SearchKey.of(municipalities.get(i).kana());
        }
    }

    List<AreaMatch> find(String key, JisCode scope, int limit) {
        if (key.isEmpty() || limit == 0) {
            return List.of();
        }
        Map<MatchRank, List<AreaMatch>> byRank = new EnumMap<>(MatchRank.class);
        for (MatchRank rank : MatchRank.values()) {
            byRank.put(rank, new ArrayList<>());
        }
        for (int i = 0; i < municipalities.size(); i++) {
            if (AreaScope.contains(scope, municipalities.get(i))) {
                MatchRank rank = rank(municipalityNameKeys[i], key);
                MatchRank byKana = rank(municipalityKanaKeys[i], key);
                add(byRank, best(rank, byKana), municipalities.get(i), -1, limit);
            }
        }
        for (int i = 0; i < municipalities.size(); i++) {
            if (!AreaScope.contains(scope, municipalities.get(i))) {
                continue;
            }
            for (int row = townStarts[i]; row < townStarts[i + 1]; row++) {
                add(byRank, best(towns.nameKey.match(row, key), towns.kanaKey.match(row, key)),
                        municipalities.get(i), row, limit);
            }
        }
        List<AreaMatch> results = new ArrayList<>(limit);
        for (MatchRank rank : MatchRank.values()) {
            for (AreaMatch match : byRank.get(rank)) {
                if (results.size() == limit) {
                    return results;
                }
                results.add(match);
            }
        }
        return results;
    }

    private void add(Map<MatchRank, List<AreaMatch>> byRank, MatchRank rank, Municipality municipality, int row,
                     int limit) {
        if (rank == null) {
            return;
        }
        List<AreaMatch> list = byRank.get(rank);
        if (list.size() < limit) {
            list.add(new AreaMatch(rank, municipality, row < 0 ? null : towns.town(row, municipalities)));
        }
    }

    private static MatchRank rank(String text, String key) {
        if (text.equals(key)) {
            return MatchRank.EXACT;
        }
        if (text.startsWith(key)) {
            return MatchRank.PREFIX;
        }
        return text.contains(key) ? MatchRank.SUBSTRING : null;
    }

    private static MatchRank best(MatchRank a, MatchRank b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
