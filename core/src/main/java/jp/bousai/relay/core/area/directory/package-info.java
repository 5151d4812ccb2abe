/**
 * The directory of Japan's areas: prefectures, municipalities (市区町村, 政令市の区) and their towns
 * (大字・町丁目, some 小字) with readings and representative points, read from the data packaged
 * with this module ({@code areas.tsv.gz}, built by {@code scripts/build-area-data.py} from the
 * Digital Agency's アドレス・ベース・レジストリ and Geolonia's points; see {@code areas-NOTICE.txt}).
 *
 * <p>It serves the officers' console (pick towns by 大字, by name or reading, on a map), the
 * residents' pages (find one's own area, nearest town to a location) and checks of area codes.
 * It lives in core because it is reference data of the domain; the only input it reads is its
 * own class-path resource. Loading takes a few hundred milliseconds, so callers on an event loop
 * use {@link jp.bousai.relay.core.area.directory.LazyAreaDirectory}.
 */
package jp.bousai.relay.core.area.directory;
