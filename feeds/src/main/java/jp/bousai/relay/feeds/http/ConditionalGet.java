package jp.bousai.relay.feeds.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Answers a rendered feed with {@code ETag} (a hash of the body) and {@code Last-Modified}, or
 * with {@code 304 Not Modified} when the client's copy is current. {@code If-None-Match} wins
 * over {@code If-Modified-Since}, as RFC 9110 says.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    public static void respond(HttpServerRequest request, String contentType, String body, Instant lastModified) {
        HttpServerResponse response = request.response();
        String etag = etagOf(body);
        response.putHeader(HttpHeaders.ETAG, etag);
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        if (modified != null) {
            response.putHeader(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    modified.atOffset(ZoneOffset.UTC)));
        }
        if (notModified(request, etag, modified)) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
    }

    private static boolean notModified(HttpServerRequest request, String etag, Instant modified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || modified == null) {
            return false;
        }
        try {
            Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince, Instant::from);
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String etagOf(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
