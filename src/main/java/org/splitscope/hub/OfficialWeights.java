package org.splitscope.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;

/**
 * The official ResNeSt release files ({@code official:resnest50} …) as torch.hub fetches them: into
 * {@code $TORCH_HOME/hub/checkpoints/NAME-HASH.pth}, the file name's hex suffix being the start of its
 * SHA-256, checked after the download.
 */
public final class OfficialWeights {
    /** Name → the SHA-256 prefix in its release file name. */
    public static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("resnest50", "528c19ca");
        FILES.put("resnest101", "22405ba7");
        FILES.put("resnest200", "75117900");
        FILES.put("resnest269", "0cc87c48");
        FILES.put("resnest50_fast_1s1x64d", "d8fbf808");
        FILES.put("resnest50_fast_2s1x64d", "44938639");
        FILES.put("resnest50_fast_4s1x64d", "f74f3fc3");
        FILES.put("resnest50_fast_1s2x40d", "32830b84");
        FILES.put("resnest50_fast_2s2x40d", "9d126481");
        FILES.put("resnest50_fast_4s2x40d", "41d14ed0");
        FILES.put("resnest50_fast_1s4x24d", "d4a4f76f");
    }

    private final HubEnvironment env;
    private final Downloader downloader;

    public OfficialWeights(HubEnvironment env, Downloader downloader) {
        this.env = env;
        this.downloader = downloader;
    }

    public Path file(String name) throws SplitScopeException {
        String hash = FILES.get(name);
        if (hash == null) {
            throw new SplitScopeException("official:" + name + ": no such release file (" + String.join(", ",
                    FILES.keySet()) + ")");
        }
        return env.torchCache().resolve(name + "-" + hash + ".pth");
    }

    /** The cached release file, downloaded and checked first if it is not there. */
    public Path download(String name, Downloader.Progress progress) throws SplitScopeException {
        Path target = file(name);
        String what = "official:" + name;
        if (Files.isRegularFile(target)) {
            return target;
        }
        if (env.offline()) {
            throw new SplitScopeException(what + ": not in the cache (" + target + ") and HF_HUB_OFFLINE is set");
        }
        URI url = URI.create(env.releasesUri() + "/" + target.getFileName());
        try {
            HubCache.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try {
                downloader.fetch(url, null, partial, -1, progress, what);
            } catch (IOException e) {
                if (Downloader.unreachable(e)) { // at once, as for hf:, not after four attempts
                    throw new SplitScopeException(what + ": cannot reach " + url.getScheme() + "://" + url.getAuthority()
                            + " (" + Downloader.reason(e) + ") and it is not in the cache ("
                            + Printable.clean(target.getParent().toString()) + ")", e);
                }
                throw e;
            }
            Downloader.requireSha256(partial, FILES.get(name), "the release file name", what);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new SplitScopeException(what + ": " + Downloader.reason(e) + " (cache "
                    + Printable.clean(target.getParent().toString()) + ")", e);
        }
    }
}
