package jp.bousai.relay.core.area.directory;

import java.util.List;

/**
 * The towns of one 大字・町 of a municipality, so that a console can pick them all at once.
 *
 * @param oazaCode the four-digit 大字 part of the town ids, or {@code null} (浜松市: grouped by name)
 * @param name     the 大字's own row name when it has one, else the name its 丁目 share (外神田)
 * @param towns    the 大字 row (if any) first, then its 丁目 or 小字 in id order
 */
public record OazaGroup(String oazaCode, String name, List<Town> towns) {

    public OazaGroup {
        towns = List.copyOf(towns);
    }
}
