package jp.bousai.relay.core.area.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Groups a municipality's towns by the 大字 part of their ids (by name where ids are missing). */
final class OazaGrouping {

    private static final Pattern CHOME_SUFFIX = Pattern.compile("[一二三四五六七八九十百〇]+丁目.*$");

    private OazaGrouping() {
    }

    static List<OazaGroup> group(List<Town> towns) {
        Map<String, List<Town>> byOaza = new LinkedHashMap<>();
        for (Town town : towns) {
            String key = town.townId() != null ? town.oazaCode() : "name:" + withoutChome(town.name());
            byOaza.computeIfAbsent(key, k -> new ArrayList<>()).add(town);
        }
        List<OazaGroup> groups = new ArrayList<>(byOaza.size());
        for (List<Town> members : byOaza.values()) {
            Town first = members.get(0);
            groups.add(new OazaGroup(first.oazaCode(), nameOf(members), members));
        }
        return groups;
    }

    private static String nameOf(List<Town> members) {
        Town first = members.get(0);
        if (first.level() == TownLevel.OAZA) {
            return first.name();
        }
        if (first.level() == TownLevel.CHOME) {
            return withoutChome(first.name());
        }
        String common = first.name();
        for (Town town : members) {
            int length = 0;
            while (length < common.length() && length < town.name().length()
                    && common.charAt(length) == town.name().charAt(length)) {
                length++;
            }
            common = common.substring(0, length);
        }
        String withoutAza = common.endsWith("字") ? common.substring(0, common.length() - 1) : common;
        return withoutAza.isEmpty() ? first.name() : withoutAza;
    }

    private static String withoutChome(String name) {
        String stripped = CHOME_SUFFIX.matcher(name).replaceFirst("");
        return stripped.isEmpty() ? name : stripped;
    }
}
