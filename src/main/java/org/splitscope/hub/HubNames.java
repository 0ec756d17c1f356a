package org.splitscope.hub;

import java.util.regex.Pattern;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;

/**
 * What a name from the user or the hub may look like before it becomes part of a path in the cache:
 * repository ids, revisions (a branch or tag name, or a 40-hex commit) and file hashes (an ETag that
 * is a SHA-256 or a git blob SHA-1). Anything else is refused, so no name can climb out of the cache
 * ({@code ../x}) or leave it ({@code /home/me/x}).
 */
public final class HubNames {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    /** One component of a git ref name: no leading dot, none of git's special characters. */
    private static final Pattern REF_PART = Pattern.compile("[A-Za-z0-9_+=,-][A-Za-z0-9._+=,-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern FILE_HASH = Pattern.compile("[0-9a-f]{64}|[0-9a-f]{40}");
    static final int MAX_REVISION = 255;

    private HubNames() {}

    public static boolean isCommit(String s) {
        return s != null && COMMIT.matcher(s).matches();
    }

    public static boolean isFileHash(String s) {
        return s != null && FILE_HASH.matcher(s).matches();
    }

    public static boolean isRepo(String s) {
        return s != null && REPO.matcher(s).matches() && !s.contains("..");
    }

    /** A branch or tag name as git allows it ({@code main}, {@code v1.0}, {@code refs/pr/1}), or a commit. */
    public static boolean isRevision(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_REVISION || s.contains("..") || s.endsWith(".lock")) {
            return false;
        }
        for (String part : s.split("/", -1)) {
            if (!REF_PART.matcher(part).matches() || part.endsWith(".") || part.endsWith(".lock")) {
                return false;
            }
        }
        return true;
    }

    /** A file in the repository: relative, plain components ({@code model.safetensors}, {@code sub/config.json}). */
    public static boolean isFile(String s) {
        if (s == null || s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (String part : s.split("/", -1)) {
            if (!part.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
                return false;
            }
        }
        return true;
    }

    public static void requireRevision(String revision, String what) throws SplitScopeException {
        if (!isRevision(revision)) {
            throw new SplitScopeException(what + ": the revision " + shown(revision) + " is not a branch, tag or "
                    + "40-hex commit");
        }
    }

    /** Text from a server or the user, safe and short enough to quote in a one-line message. */
    static String shown(String s) {
        if (s == null) {
            return "(none)";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "\"" + Printable.clean(cut) + "\"";
    }
}
