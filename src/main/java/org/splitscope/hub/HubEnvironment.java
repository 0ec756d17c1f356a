package org.splitscope.hub;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;

/**
 * Where the hub is and where its files go, read from the environment exactly as huggingface_hub
 * reads it, so a model that Python users already downloaded is found here and the other way round.
 *
 * @param endpoint {@code HF_ENDPOINT}, default the public hub (checked when used: {@link #endpointUri})
 * @param cache {@code HF_HUB_CACHE}, else legacy {@code HUGGINGFACE_HUB_CACHE}, else {@code $HF_HOME/hub}
 *     ({@code HF_HOME} defaulting to {@code $XDG_CACHE_HOME/huggingface}, i.e. {@code ~/.cache/huggingface})
 * @param offline {@code HF_HUB_OFFLINE} is 1, ON, YES or TRUE: only the cache is used
 * @param token {@code HF_TOKEN}, else the file {@code $HF_HOME/token}, surrounding white space trimmed;
 *     null for none or an unusable one
 * @param tokenProblem why the token found is not used (never quoting it), or null
 * @param torchCache where torch.hub keeps release files: {@code $TORCH_HOME/hub/checkpoints}
 *     ({@code TORCH_HOME} defaulting to {@code $XDG_CACHE_HOME/torch})
 * @param releases the base URL of the official ResNeSt release files ({@code SPLITSCOPE_RELEASES_URL}
 *     for a mirror)
 */
public record HubEnvironment(String endpoint, Path cache, boolean offline, String token, String tokenProblem,
        Path torchCache, String releases) {
    public static final String PUBLIC_HUB = "https://huggingface.co";
    public static final String OFFICIAL_RELEASES = "https://github.com/zhanghang1989/ResNeSt/releases/download/weights_step1";
    /** Hub tokens are about 40 characters; a token file larger than this is something else. */
    static final int MAX_TOKEN_FILE = 4096;

    public static HubEnvironment fromSystem() {
        // HOME first, as Python's expanduser does, so both look in the same place.
        String home = System.getenv("HOME");
        return of(System.getenv(), Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")));
    }

    public static HubEnvironment of(Map<String, String> env, Path home) {
        Path xdg = env.containsKey("XDG_CACHE_HOME") ? Path.of(env.get("XDG_CACHE_HOME")) : home.resolve(".cache");
        Path hfHome = env.containsKey("HF_HOME") ? Path.of(env.get("HF_HOME")) : xdg.resolve("huggingface");
        Path cache = env.containsKey("HF_HUB_CACHE") ? Path.of(env.get("HF_HUB_CACHE"))
                : env.containsKey("HUGGINGFACE_HUB_CACHE") ? Path.of(env.get("HUGGINGFACE_HUB_CACHE"))
                : hfHome.resolve("hub");
        String offline = env.getOrDefault("HF_HUB_OFFLINE", "").trim().toUpperCase(Locale.ROOT);
        String token = env.get("HF_TOKEN");
        String source = "HF_TOKEN";
        String problem = null;
        if (token == null || token.isBlank()) {
            token = null;
            Path file = hfHome.resolve("token");
            source = Printable.clean(file.toString());
            if (Files.exists(file)) {
                try {
                    byte[] bytes = SmallFiles.readAtMost(file, MAX_TOKEN_FILE);
                    if (bytes == null) {
                        problem = source + " is larger than " + MAX_TOKEN_FILE / 1024 + " KiB; not a token";
                    } else {
                        token = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    }
                } catch (CharacterCodingException e) {
                    problem = source + " is not UTF-8 text; not a token";
                } catch (IOException | SplitScopeException e) {
                    problem = source + " cannot be read (" + Downloader.reason(e instanceof IOException io ? io
                            : new IOException(e.getMessage())) + ")";
                }
            }
        }
        if (token != null) {
            token = token.strip(); // a trailing newline from `echo` or an editor
            if (token.isEmpty()) {
                token = null;
            } else if (token.lines().count() > 1) {
                problem = source + " holds more than one line; a token is one line";
                token = null;
            } else if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                problem = source + " holds spaces or characters a token does not have";
                token = null;
            }
        }
        Path torchHome = env.containsKey("TORCH_HOME") ? Path.of(env.get("TORCH_HOME")) : xdg.resolve("torch");
        String endpoint = env.getOrDefault("HF_ENDPOINT", PUBLIC_HUB).trim().replaceAll("/+$", "");
        String releases = env.getOrDefault("SPLITSCOPE_RELEASES_URL", OFFICIAL_RELEASES).trim().replaceAll("/+$", "");
        return new HubEnvironment(endpoint, cache, offline.matches("1|ON|YES|TRUE"), token, problem,
                torchHome.resolve("hub").resolve("checkpoints"), releases);
    }

    /** The token to send, or null; a token that was found but is unusable stops the request with why. */
    public String requireToken() throws SplitScopeException {
        if (tokenProblem != null) {
            throw new SplitScopeException(tokenProblem + " (fix it, or unset HF_TOKEN / remove the file)");
        }
        return token;
    }

    /** {@code HF_ENDPOINT} as a URL, or a one-line refusal naming the variable. */
    public URI endpointUri() throws SplitScopeException {
        return url("HF_ENDPOINT", endpoint, PUBLIC_HUB);
    }

    /** {@code SPLITSCOPE_RELEASES_URL} as a URL, or a one-line refusal naming the variable. */
    public URI releasesUri() throws SplitScopeException {
        return url("SPLITSCOPE_RELEASES_URL", releases, OFFICIAL_RELEASES);
    }

    private static URI url(String variable, String value, String example) throws SplitScopeException {
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawUserInfo() == null
                    && u.getRawQuery() == null && u.getRawFragment() == null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        String shown = HubNames.shown(value.replaceAll("//[^/@]*@", "//…@")); // never a password
        throw new SplitScopeException(variable + " " + shown + " is not an http(s) URL like " + example
                + " (no user name, query or fragment)");
    }
}
