package org.splitscope.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.splitscope.SplitScopeException;
import org.splitscope.io.Printable;
import org.splitscope.model.Presets;

/**
 * The published weights SplitScope knows: timm's eight ResNeSt Hugging Face repositories
 * ({@code hf:timm/resnest50d.in1k}), timm's SE, ECA and SK ones ({@code hf:timm/seresnet50.a1_in1k}) and
 * the official ResNeSt release files ({@code official:resnest50}), each with the preset its name implies. {@link #resolve} turns such a name into a file on disk,
 * from the cache or downloaded.
 */
public final class Pretrained {
    /** @param id what the user types: {@code hf:REPO} or {@code official:NAME} */
    public record Model(String id, String preset, String notation) {
        public boolean official() {
            return id.startsWith("official:");
        }
    }

    /** A name resolved to a checkpoint file, and the preset its name implies (null if none). */
    public record Resolved(Path file, String preset) {}

    public static final List<String> TIMM = List.of("resnest14d.gluon_in1k", "resnest26d.gluon_in1k",
            "resnest50d.in1k", "resnest101e.in1k", "resnest200e.in1k", "resnest269e.in1k", "resnest50d_4s2x40d.in1k",
            "resnest50d_1s4x24d.in1k");

    /** timm's SE, ECA and SK weights on the hub; each tag is a preset with the tag's own eval transform. */
    public static final List<String> TIMM_FAMILY = List.of("seresnet50.a1_in1k", "seresnet50.a2_in1k",
            "seresnet50.a3_in1k", "seresnet50.ra2_in1k", "seresnet152d.ra2_in1k", "seresnext26d_32x4d.bt_in1k",
            "seresnext26t_32x4d.bt_in1k", "seresnext50_32x4d.racm_in1k", "seresnext50_32x4d.gluon_in1k",
            "seresnext101_32x8d.ah_in1k", "seresnext101d_32x8d.ah_in1k", "ecaresnet26t.ra2_in1k",
            "ecaresnetlight.miil_in1k", "ecaresnet50d.miil_in1k", "ecaresnet50d_pruned.miil_in1k",
            "ecaresnet50t.ra2_in1k", "ecaresnet50t.a1_in1k", "ecaresnet50t.a2_in1k", "ecaresnet50t.a3_in1k",
            "ecaresnet101d.miil_in1k", "ecaresnet101d_pruned.miil_in1k", "ecaresnet269d.ra2_in1k",
            "skresnet18.ra_in1k", "skresnet34.ra_in1k", "skresnext50_32x4d.ra_in1k");

    private Pretrained() {}

    public static List<Model> all() {
        List<Model> out = new ArrayList<>();
        for (String repo : TIMM) {
            String preset = repo.substring(0, repo.indexOf('.'));
            out.add(new Model("hf:timm/" + repo, preset, notation(preset)));
        }
        for (String repo : TIMM_FAMILY) {
            out.add(new Model("hf:timm/" + repo, repo, notation(repo)));
        }
        for (String name : OfficialWeights.FILES.keySet()) {
            out.add(new Model("official:" + name, name, notation(name)));
        }
        return out;
    }

    private static String notation(String preset) {
        try {
            return Presets.find(preset).map(p -> p.config().notation()).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** {@code hf:…} or {@code official:…}. */
    public static boolean isName(String s) {
        return s.startsWith("hf:") || s.startsWith("official:");
    }

    /** Whether the model is on disk already (then it opens without the network). */
    public static boolean cached(Model m, HubEnvironment env) {
        try {
            if (m.official()) {
                return Files.isRegularFile(new OfficialWeights(env, new Downloader()).file(m.id().substring(9)));
            }
            HubCache cache = new HubCache(env.cache());
            String repo = m.id().substring(3);
            for (String f : HubClient.WEIGHT_FILES) {
                if (cache.find(repo, "main", f).isPresent()) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SplitScopeException e) {
            return false;
        }
    }

    public static Resolved resolve(String name, HubEnvironment env, Downloader downloader,
            Downloader.Progress progress) throws SplitScopeException {
        if (name.startsWith("official:")) {
            String release = name.substring("official:".length());
            return new Resolved(new OfficialWeights(env, downloader).download(release, progress), release);
        }
        if (!name.startsWith("hf:")) {
            throw new SplitScopeException(Printable.clean(name) + ": not hf:REPO[@REVISION] or official:NAME");
        }
        String spec = name.substring(3);
        int at = spec.indexOf('@');
        String repo = at < 0 ? spec : spec.substring(0, at);
        String revision = at < 0 ? "main" : spec.substring(at + 1);
        if (!HubNames.isRepo(repo)) {
            throw new SplitScopeException(HubNames.shown(name) + ": not a repository id like hf:timm/resnest50d.in1k"
                    + " (optionally @REVISION)");
        }
        HubNames.requireRevision(revision, "hf:" + repo);
        HubClient hub = new HubClient(env, downloader);
        Path weights = hub.weights(repo, revision, progress);
        String preset = presetOf(repo);
        if (preset == null) { // the name does not say: config.json's architecture may
            Optional<Path> config = hub.config(repo, revision);
            preset = config.isPresent() ? presetOfArchitecture(HubConfig.architecture(config.get()).orElse(null)) : null;
        }
        return new Resolved(weights, preset);
    }

    /** timm names repositories after the model: resnest50d_4s2x40d.in1k → resnest50d_4s2x40d. */
    static String presetOf(String repo) {
        String name = repo.substring(repo.indexOf('/') + 1);
        String model = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (name.contains(".") && Presets.find(name).isPresent()) {
            return name; // a tag with its own eval transform: seresnet50.a3_in1k
        }
        return Presets.find(model).isPresent() ? model : null;
    }

    /** A known preset named by config.json's architecture, or null. */
    private static String presetOfArchitecture(String arch) {
        return arch != null && Presets.find(arch).isPresent() ? arch : null;
    }

    /**
     * The size of the float32 weights of a preset's network, from its parameter shapes (nothing is
     * allocated): what a download of it weighs, give or take the file's header.
     */
    public static long weightBytes(String preset) {
        return WEIGHT_BYTES.computeIfAbsent(preset, name -> Presets.find(name).map(p -> new org.splitscope.model.ResNeSt(
                p.config()).parameterShapes().values().stream().mapToLong(ai.djl.ndarray.types.Shape::size).sum() * 4)
                .orElse(-1L));
    }

    /** Building a ResNeSt-269's module tree to count its shapes takes a moment: once per preset. */
    private static final java.util.Map<String, Long> WEIGHT_BYTES = new java.util.concurrent.ConcurrentHashMap<>();
}
