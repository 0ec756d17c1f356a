package org.splitscope.hub;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.splitscope.SplitScopeException;

/**
 * What the client reads from a server's headers, each checked before it is used: a bad value is a
 * one-line refusal naming the header, never a NumberFormatException or a path built from it.
 */
public final class HubHeaders {
    /**
     * The hub's answer to HEAD on a file.
     *
     * @param etag the file's hash (SHA-256 for LFS files, a git blob SHA-1 otherwise): the blob's name
     * @param size bytes, or -1 when the hub did not say
     */
    public record Metadata(String commit, String etag, long size) {}

    private HubHeaders() {}

    /** X-Repo-Commit, X-Linked-Etag (else ETag) and X-Linked-Size (else Content-Length). */
    public static Metadata metadata(HttpHeaders h, String what) throws SplitScopeException {
        String commit = one(h, "X-Repo-Commit", what).orElse(null);
        if (commit == null) {
            throw new SplitScopeException(what + ": the server's answer has no X-Repo-Commit (is HF_ENDPOINT a Hugging "
                    + "Face hub?)");
        }
        if (!HubNames.isCommit(commit)) {
            throw new SplitScopeException(what + ": the server's X-Repo-Commit " + HubNames.shown(commit)
                    + " is not a 40-hex commit; refused");
        }
        String header = h.firstValue("X-Linked-Etag").isPresent() ? "X-Linked-Etag" : "ETag";
        String etag = one(h, header, what).map(t -> t.replaceFirst("^W/", "").replace("\"", "").trim()).orElse(null);
        if (etag == null || etag.isEmpty()) {
            throw new SplitScopeException(what + ": the server's answer has no X-Linked-Etag or ETag (is HF_ENDPOINT a "
                    + "Hugging Face hub?)");
        }
        if (!HubNames.isFileHash(etag)) {
            throw new SplitScopeException(what + ": the server's " + header + " " + HubNames.shown(etag)
                    + " is not a file hash (64 or 40 hex digits); refused");
        }
        String sizeHeader = h.firstValue("X-Linked-Size").isPresent() ? "X-Linked-Size" : "Content-Length";
        return new Metadata(commit, etag, size(h, sizeHeader, what));
    }

    /** A size header: absent is -1; anything but a plain non-negative decimal is refused. */
    public static long size(HttpHeaders h, String header, String what) throws SplitScopeException {
        Optional<String> v = one(h, header, what);
        if (v.isEmpty()) {
            return -1;
        }
        String s = v.get().trim();
        if (!s.matches("[0-9]{1,18}")) {
            throw new SplitScopeException(what + ": the server's " + header + " " + HubNames.shown(s)
                    + " is not a size in bytes");
        }
        return Long.parseLong(s);
    }

    /** Where a redirect leads: an http(s) URL with a host, relative locations resolved against {@code from}. */
    public static URI redirect(URI from, HttpHeaders h, String what) throws SplitScopeException {
        String location = one(h, "Location", what).orElseThrow(() -> new SplitScopeException(what
                + ": a redirect without a Location header"));
        URI to;
        try {
            to = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SplitScopeException(what + ": the server's Location " + HubNames.shown(location)
                    + " is not a URL");
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || to.getHost() == null || to.getRawUserInfo() != null) {
            throw new SplitScopeException(what + ": the server's Location " + HubNames.shown(location)
                    + " is not an http(s) URL with a host; only those are followed");
        }
        return to;
    }

    /**
     * Whether a token sent to {@code from} may go on to {@code to}, as requests decides it: not to
     * another host, port or scheme; only http → https on the same host with default ports keeps it.
     */
    public static boolean keepsAuthorization(URI from, URI to) {
        if (from.getHost() == null || !from.getHost().equalsIgnoreCase(to.getHost() == null ? "" : to.getHost())) {
            return false;
        }
        String a = from.getScheme().toLowerCase(Locale.ROOT);
        String b = to.getScheme().toLowerCase(Locale.ROOT);
        if (a.equals("http") && b.equals("https") && (from.getPort() == -1 || from.getPort() == 80)
                && (to.getPort() == -1 || to.getPort() == 443)) {
            return true;
        }
        return a.equals(b) && port(from) == port(to);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** The first byte of a 206 answer ({@code Content-Range: bytes START-END/TOTAL}), or -1 if it does not say. */
    public static long rangeStart(HttpHeaders h, String what) throws SplitScopeException {
        Optional<String> v = one(h, "Content-Range", what);
        if (v.isEmpty()) {
            return -1;
        }
        var m = java.util.regex.Pattern.compile("bytes ([0-9]{1,18})-[0-9]{1,18}/([0-9]{1,18}|\\*)").matcher(v.get().trim());
        if (!m.matches()) {
            throw new SplitScopeException(what + ": the server's Content-Range " + HubNames.shown(v.get())
                    + " is not a byte range");
        }
        return Long.parseLong(m.group(1));
    }

    /** A header that must appear at most once (two different values are a server we cannot trust). */
    private static Optional<String> one(HttpHeaders h, String name, String what) throws SplitScopeException {
        List<String> values = h.allValues(name);
        if (values.size() > 1 && values.stream().distinct().count() > 1) {
            throw new SplitScopeException(what + ": the server sent " + values.size() + " different " + name
                    + " headers");
        }
        return values.stream().findFirst();
    }
}
