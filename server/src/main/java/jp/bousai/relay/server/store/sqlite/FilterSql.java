package jp.bousai.relay.server.store.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.area.AreaFilter;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.log.AdvisoryFilter;

/**
 * An {@link AdvisoryFilter} as an SQL condition with its parameters. It matches exactly what
 * {@link AreaFilter#matches} matches: a target in a wanted prefecture, a wanted municipality, or
 * the prefecture-wide target of a wanted municipality's prefecture.
 *
 * @param sql the condition, for a table aliased {@code t} with columns {@code mode} and
 *        {@code category}, and an areas table joined on {@code keyColumn}
 */
record FilterSql(String sql, List<Object> parameters) {

    static FilterSql of(AdvisoryFilter filter, String areasTable, String keyColumn) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("t.mode IN ").append(placeholders(filter.modes().size()));
        filter.modes().stream().map(Mode::wireName).forEach(parameters::add);
        if (!filter.categories().isEmpty()) {
            sql.append(" AND t.category IN ").append(placeholders(filter.categories().size()));
            filter.categories().stream().map(Category::wireName).forEach(parameters::add);
        }
        AreaFilter areas = filter.areas();
        if (!areas.isEverywhere()) {
            StringJoiner any = new StringJoiner(" OR ", "(", ")");
            if (!areas.prefectures().isEmpty()) {
                any.add("a.pref IN " + placeholders(areas.prefectures().size()));
                parameters.addAll(areas.prefectures());
            }
            if (!areas.municipalities().isEmpty()) {
                int count = areas.municipalities().size();
                any.add("a.code IN " + placeholders(count * 2));
                for (JisCode municipality : areas.municipalities()) {
                    parameters.add(municipality.value());
                }
                for (JisCode municipality : areas.municipalities()) {
                    parameters.add(municipality.prefecture().value());
                }
            }
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(areasTable).append(" a WHERE a.").append(keyColumn)
                    .append(" = t.").append(keyColumn).append(" AND ").append(any).append(')');
        }
        return new FilterSql(sql.toString(), parameters);
    }

    private static String placeholders(int count) {
        return "(" + "?,".repeat(count - 1) + "?)";
    }
}
