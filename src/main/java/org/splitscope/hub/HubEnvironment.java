package org.splitscope.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the hub is and where its files go, read from the environment exactly as huggingface_hub
 * reads it, so a model that Python users already downloaded is found here and the other way round.
 *
 * @param endpoint {@code HF_ENDPOINT}, default the public hub
 * @param cache {@code HF_HUB_CACHE}, else legacy {@code HUGGINGFACE_HUB_CACHE}, else {@code $HF_HOME/hub}
 *     ({@code HF_HOME} defaulting to {@code $XDG_CACHE_HOME/huggingface}, i.e. {@code ~/.cache/huggingface})
 * @param offline {@code HF_HUB_OFFLINE} is 1, ON, YES or TRUE: only the cache is used
 * @param token {@code HF_TOKEN}, else the file {@code $HF_HOME/token}; null for none
 * @param torchCache where torch.hub keeps release files: {@code $TORCH_HOME/hub/checkpoints}
 *     ({@code TORCH_HOME} defaulting to {@code $XDG_CACHE_HOME/torch})
 * @param releases the base URL of the official ResNeSt release files ({@code SPLITSCOPE_RELEASES_URL}
 *     for a mirror)
 */
public record HubEnvironment(String endpoint, Path cache, boolean offline, String token, Path torchCache,
        String releases) {
    public static final String PUBLIC_HUB = "https://huggingface.co";
    public static final String OFFICIAL_RELEASES = "https://github.com/zhanghang1989/ResNeSt/releases/download/weights_step1";

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
        if ((token == null || token.isBlank()) && Files.isRegularFile(hfHome.resolve("token"))) {
            try {
                token = Files.readString(hfHome.resolve("token")).strip();
            } catch (IOException e) {
                token = null; // unreadable: as if there were none
            }
        }
        Path torchHome = env.containsKey("TORCH_HOME") ? Path.of(env.get("TORCH_HOME")) : xdg.resolve("torch");
        String endpoint = env.getOrDefault("HF_ENDPOINT", PUBLIC_HUB).replaceAll("/+$", "");
        String releases = env.getOrDefault("SPLITSCOPE_RELEASES_URL", OFFICIAL_RELEASES).replaceAll("/+$", "");
        return new HubEnvironment(endpoint, cache, offline.matches("1|ON|YES|TRUE"),
                token == null || token.isBlank() ? null : token, torchHome.resolve("hub").resolve("checkpoints"),
                releases);
    }
}
