package jp.bousai.relay.adapters.cap;

import java.util.List;

/**
 * A CAP 1.2 {@code alert} as read, before mapping: text values as sent (null when absent), each
 * element with the path it was read from, for error messages.
 */
record CapAlert(String identifier, String sender, String sent, String status, String msgType, String scope,
                String restriction, String addresses, String references, String incidents, List<Info> infos) {

    CapAlert {
        infos = List.copyOf(infos);
    }

    /** One {@code info} block (one per language). */
    record Info(String path, String language, String event, List<String> responseTypes, String effective,
                String expires, String senderName, String headline, String description, String instruction,
                String web, List<NameValue> parameters, List<Area> areas) {

        Info {
            responseTypes = List.copyOf(responseTypes);
            parameters = List.copyOf(parameters);
            areas = List.copyOf(areas);
        }

        /** The first value of the parameter named {@code name}, or null. */
        String parameter(String name) {
            return parameters.stream().filter(p -> p.name().equals(name)).map(NameValue::value).findFirst()
                    .orElse(null);
        }
    }

    /** One {@code area}: its description, polygons, circles and geocodes. */
    record Area(String path, String areaDesc, List<String> polygons, List<String> circles, List<NameValue> geocodes) {

        Area {
            polygons = List.copyOf(polygons);
            circles = List.copyOf(circles);
            geocodes = List.copyOf(geocodes);
        }
    }

    /** A {@code valueName}/{@code value} pair (parameter, geocode, eventCode). */
    record NameValue(String name, String value) {
    }
}
