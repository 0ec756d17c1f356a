package org.splitscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.analysis.CamEvidence;
import org.splitscope.analysis.FeatureMaps;
import org.splitscope.cam.CamMethod;
import org.splitscope.cam.CamService;
import org.splitscope.cam.ClassChoice;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.engine.LoadedModel;
import org.splitscope.figure.CamRequest;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;
import org.splitscope.figure.FigureRequest;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.figure.SplitBarsFigure;
import org.splitscope.figure.View;
import org.splitscope.figure.WalkthroughFigure;
import org.splitscope.figure.WalkthroughStep;
import org.splitscope.input.Sample;
import org.splitscope.intervene.Intervention;
import org.splitscope.intervene.Interventions;
import org.splitscope.input.Samples;
import org.splitscope.io.AtomicFiles;
import org.splitscope.io.Printable;
import org.splitscope.io.Sha256;
import org.splitscope.render.AttentionScale;
import org.splitscope.render.Colormap;
import org.splitscope.render.InputImages;
import org.splitscope.render.Raster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "figure", description = "Draw a view of one image as a figure file (PNG, SVG or PDF), without a "
        + "display: the same figure the window's Save view as… writes.")
final class FigureCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--view", required = true, paramLabel = "VIEW",
            description = "heatmaps, splitbars, featuremaps, gap, depth, cam, compare (with --compare or --scales), variants, "
                    + "walkthrough, dataset (with --stats) or knockout (with --knockout).")
    String view;

    @Option(names = "--input", paramLabel = "IMAGE", description = "One image (or a .npy holding one).")
    Path input;

    @Option(names = "--stats", paramLabel = "DIR", description = "For --view dataset: an analyze output folder.")
    Path stats;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "entropy",
            description = "For --view dataset: the groups × blocks map shows entropy, dominance (the mean largest split weight) or preference.")
    String metric;

    @Option(names = "--profile", paramLabel = "P",
            description = "For --view dataset: a paper's figure instead: senet (SENet §7.2, the mean gate of --channels "
                    + "channels per class), senet-std (mean ± std for two classes) or sknet (SKNet's larger-minus-smaller "
                    + "kernel attention per class and scale, from an analyze --scales output). --groups defaults to the first four "
                    + "groups, the first two for senet-std, every group for sknet.")
    String profile;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "50",
            description = "For --profile senet/senet-std: uniformly spaced channels per block (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "For --profile: also write the figure's numbers (CSV, and JSON with the provenance beside it).")
    Path data;

    @Option(names = "--groups", paramLabel = "NAMES", split = ",",
            description = "For --view dataset: the groups to compare, comma-separated (default: the first 6).")
    List<String> groups = List.of();

    @Option(names = "--compare", paramLabel = "IMAGE", description = "For --view compare: the second image.")
    Path compare;

    @Option(names = "--scales", description = "For --view compare: the input centre-cropped at 1×, 1.5× and 2× instead.")
    boolean scales;

    @Option(names = "--knockout", paramLabel = "DIR", description = "For --view knockout: a knockout output folder.")
    Path knockout;

    @Option(names = "--step", paramLabel = "N|NAME", defaultValue = "1",
            description = "For --view walkthrough: the highlighted step, 1 – 12 or a name (input, conv, splits, sum, gap, "
                    + "fc1, fc2, layout, softmax, attention, fuse, concat; default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--channel", paramLabel = "C", defaultValue = "0",
            description = "For --view walkthrough: the channel c (0 … C−1) followed through the block (default: ${DEFAULT-VALUE}).")
    String channel;

    @Option(names = "--block", paramLabel = "BLOCK", description = "e.g. layer2.0 (default: the middle block, as the window); "
            + "the depth view highlights it; for --view cam also layer2.0.conv2, the CAM at the block's split-attention output V.")
    String block;

    @Option(names = "--class", defaultValue = "top", paramLabel = "top|N|LABEL",
            description = "For --view cam: the class explained: the top class, an index or a class name (default: ${DEFAULT-VALUE}).")
    String classChoice;

    @Option(names = "--method", defaultValue = "gradcam", paramLabel = "M",
            description = "For --view cam: gradcam, gradcampp or layercam (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--group", paramLabel = "K", defaultValue = "all",
            description = "Cardinal group k, or all (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--split", paramLabel = "R", defaultValue = "0",
            description = "Feature maps of split r, or V for the fused output (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--colormap", paramLabel = "NAME", defaultValue = "viridis",
            description = "viridis, magma, coolwarm or RdBu (default: ${DEFAULT-VALUE}).")
    String colormap;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "fixed",
            description = "Attention colour scale: fixed (0 – 1), data (min – max) or uniform (symmetric around 1/R).")
    String scale;

    @Option(names = "--opacity", defaultValue = "0.6", paramLabel = "A", description = "Heat over the input, 0 – 1 (default: ${DEFAULT-VALUE}).")
    double opacity;

    @Option(names = "--whiskers", defaultValue = "minmax", paramLabel = "W", description = "Split bars: minmax or quartiles.")
    String whiskers;

    @Option(names = "--stacked", description = "Split bars stacked per group.")
    boolean stacked;

    @Option(names = "--bins", defaultValue = "24", paramLabel = "N", description = "GAP histogram bins (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--order", defaultValue = "attention", paramLabel = "O",
            description = "Feature maps sorted by channel, attention or activation (default: ${DEFAULT-VALUE}).")
    String order;

    @Option(names = "--columns", defaultValue = "8", paramLabel = "N", description = "Feature-map columns (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--format", paramLabel = "F", description = "png, svg or pdf (default: from --out's ending, else png).")
    String format;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "DPI", description = "PNG resolution (default: ${DEFAULT-VALUE}).")
    double dpi;

    @Option(names = "--width", defaultValue = "3.5in", paramLabel = "W",
            description = "Figure width: 3.5in, 7in, 1200px (at --dpi), 9cm … (default: ${DEFAULT-VALUE}, a paper column).")
    String width;

    @Option(names = "--theme", defaultValue = "paper", paramLabel = "T", description = "paper, light or dark (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--no-caption", description = "Leave out the caption line (model · image · block).")
    boolean noCaption;

    @Option(names = "--intervene", paramLabel = "BLOCK=MODE",
            description = "Force a block's attention before the weighted sum, as capture --intervene does (repeatable; "
                    + "BLOCK may be all): uniform, onehot:R or scale:R:F, e.g. all=uniform. The caption and the file's "
                    + "provenance say so.")
    List<String> intervene = List.of();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The figure file (replaced if it exists).")
    Path out;

    @Override
    public Integer call() throws SplitScopeException {
        FigureRequest request;
        FigureSize size;
        FigureFormat fileFormat;
        FigureStyle style;
        WalkthroughStep walkStep;
        int walkChannel;
        try {
            walkStep = WalkthroughStep.parse(step);
            walkChannel = nonNegative("--channel", channel);
            View v = View.parse(view);
            request = FigureRequest.of(v, block, parseGroup(group), parseSplit(split), colormap(colormap))
                    .withHeatmap(scale(scale), opacity).withSplitBars(whiskers(whiskers), stacked).withBins(bins)
                    .withFeatureMaps(order(order), columns, 0);
            size = FigureSize.parse(width, dpi);
            fileFormat = format != null ? FigureFormat.parse(format)
                    : FigureFormat.of(out) != null ? FigureFormat.of(out) : FigureFormat.PNG;
            style = FigureStyle.print(FigureStyle.Theme.parse(theme));
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException(e.getMessage());
        }
        List<Intervention> forcedList = Intervention.parseAll(intervene); // syntax first, before any file
        if (!forcedList.isEmpty() && Set.of(View.DATASET, View.KNOCKOUT, View.VARIANTS, View.CAM)
                .contains(request.view())) {
            throw new SplitScopeException("--intervene draws forced attention in the views of one image's capture "
                    + "(heatmaps, splitbars, featuremaps, gap, depth, compare, walkthrough), not in --view "
                    + request.view());
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new SplitScopeException("--opacity must be between 0 and 1");
        }
        if (bins < 1 || bins > 1024 || columns < 1 || columns > 64) {
            throw new SplitScopeException("--bins must be 1 – 1024 and --columns 1 – 64");
        }
        Path file = fileFormat.withExtension(out);
        if (Files.isDirectory(file)) {
            throw new SplitScopeException(file + ": is a folder; --out names the figure file");
        }
        AtomicFiles.requireWritableFolder(file.toAbsolutePath().getParent());
        if (profile != null || data != null) {
            if (request.view() != View.DATASET || profile == null) {
                throw new SplitScopeException(profile == null ? "--data writes the numbers of a --profile figure"
                        : "--profile draws a paper's figure in --view dataset, not --view " + request.view());
            }
            return ProfileFigureFile.write(stats, profile, channels, groups, size, fileFormat, style, !noCaption, file,
                    data);
        }
        if (request.view() == View.DATASET) {
            return SavedRunFigures.dataset(stats, metric, groups, request, size, fileFormat, style, !noCaption, file);
        }
        if (request.view() == View.KNOCKOUT) {
            return SavedRunFigures.knockout(knockout, request, size, fileFormat, style, !noCaption, file);
        }
        if (input == null) {
            throw new SplitScopeException("--input IMAGE is needed for the " + request.view() + " view");
        }
        if (!Files.isRegularFile(input)) {
            throw new SplitScopeException(input + ": no such file");
        }
        if (request.view() == View.VARIANTS) {
            ComparisonFigure.variants(input, request.colormap(), size, fileFormat, style, !noCaption, file);
            return 0;
        }
        if (request.view() == View.COMPARE && (compare == null) == !scales) {
            throw new SplitScopeException("--view compare needs --compare IMAGE (a second image) or --scales");
        }
        boolean cam = request.view() == View.CAM;
        CamMethod camMethod = cam ? CamMethod.parse(method) : null;
        boolean atV = cam && request.block() != null && request.block().endsWith(".conv2");
        try (LoadedModel model = modelOptions.load()) {
            Interventions forced = Interventions.of(forcedList, model.network());
            if (request.view() == View.WALKTHROUGH) {
                WalkthroughFile.write(model, input, pickBlock(model, request.block()), walkChannel,
                        new WalkthroughFigure.Options(request.colormap(), walkStep), size, fileFormat, style, !noCaption,
                        file, forced);
                return 0;
            }
            if (request.view() == View.COMPARE) {
                ComparisonFigure.write(model, input, compare, pickBlock(model, request.block()), request.colormap(), size,
                        fileFormat, style, !noCaption, file, forced);
                return 0;
            }
            List<Sample> samples = Samples.load(input, model.preprocessing());
            if (samples.size() != 1) {
                throw new SplitScopeException(input + ": holds " + samples.size() + " inputs; a figure shows one");
            }
            Sample sample = samples.get(0);
            String name = pickBlock(model, atV ? request.block().replaceFirst("\\.conv2$", "") : request.block());
            request = request.withBlock(name);
            ClassChoice choice = cam ? ClassChoice.parse(classChoice, model.labels()) : null;
            CaptureResult result = CaptureService.capture(model, samples, Set.of(name), () -> false, forced);
            BlockCapture selected = result.block(name);
            requireInRange(request, selected);
            Raster raster = InputImages.fromTensor(sample.data(), (int) sample.shape()[1], (int) sample.shape()[2],
                    model.preprocessing());
            org.splitscope.figure.Provenance provenance;
            Drawing d;
            if (cam) {
                // The same maps as the cam command and the window: CamService, beside this capture's split maps.
                CamRequest camRequest = request.withCam(choice, camMethod, atV);
                CamEvidence evidence = CamEvidence.of(CamService.compute(model, samples, camRequest.target(), choice,
                        camMethod), 0, result.logits(0), selected, camRequest.group(selected));
                provenance = camRequest.provenance(evidence, model.name(), model.sha256(), sample.source(),
                        Sha256.of(input));
                d = camRequest.drawForFile(evidence, raster, size, style, provenance, !noCaption);
            } else {
                provenance = request.provenance(selected, model.name(), model.sha256(), sample.source(),
                        Sha256.of(input)).withIntervention(forced.describe());
                d = request.drawForFile(selected, result.blocks(), raster, size, style, provenance, !noCaption);
            }
            FigureFiles.write(file, fileFormat, d, size, provenance);
            System.out.printf(Locale.ROOT, "%s: %s of %s, %.2f × %.2f in%s%s%n", Printable.clean(file.toString()),
                    request.view(), name, d.width() / 72, d.height() / 72, fileFormat == FigureFormat.PNG
                            ? String.format(Locale.ROOT, " (%d × %d px at %.0f dpi)", size.pixels(d.width()),
                                    size.pixels(d.height()), dpi) : "",
                    forced.isEmpty() ? "" : ", attention forced: " + forced.describe());
            return 0;
        } catch (IOException e) {
            throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
        }
    }

    /** The block asked for, or the middle one as the window opens on. */
    private static String pickBlock(LoadedModel model, String asked) throws SplitScopeException {
        List<String> names = model.network().blocks().stream().filter(b -> b.radix() >= 1)
                .map(org.splitscope.model.ResidualBlock::name).toList();
        if (names.isEmpty()) {
            throw new SplitScopeException(model.name() + " has no split-attention blocks (radix 0): nothing to draw");
        }
        if (asked == null) {
            return names.get(names.size() / 2);
        }
        if (!names.contains(asked)) {
            throw new SplitScopeException("--block: no split-attention block '" + Printable.clean(asked) + "' in "
                    + model.name() + " (blocks: " + names.get(0) + " … " + names.get(names.size() - 1) + ")");
        }
        return asked;
    }

    /** --split and --group within the block: an error, not silently r = 0 or every group. */
    private static void requireInRange(org.splitscope.figure.FigureRequest request, BlockCapture b)
            throws SplitScopeException {
        if (request.split() != FeatureMaps.FUSED && request.split() >= b.radix()) {
            throw new SplitScopeException("--split " + request.split() + ": " + b.name() + " has " + b.radix()
                    + (b.radix() == 1 ? " split (r = 0, the gate)" : " splits (r = 0 … " + (b.radix() - 1) + ")"));
        }
        if (request.group() != SplitContributions.ALL_GROUPS && request.group() >= b.cardinality()) {
            throw new SplitScopeException("--group " + request.group() + ": " + b.name() + " has " + b.cardinality()
                    + (b.cardinality() == 1 ? " cardinal group (k = 0)" : " cardinal groups (k = 0 … "
                            + (b.cardinality() - 1) + ")") + ", or all");
        }
    }

    static int parseGroup(String s) {
        if (s.equalsIgnoreCase("all")) {
            return SplitContributions.ALL_GROUPS;
        }
        return nonNegative("--group", s);
    }

    static int parseSplit(String s) {
        if (s.equalsIgnoreCase("v") || s.equalsIgnoreCase("fused")) {
            return FeatureMaps.FUSED;
        }
        return nonNegative("--split", s);
    }

    private static int nonNegative(String option, String s) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " '" + s + "' is not a number ≥ 0"
                + (option.equals("--group") ? " or all" : option.equals("--split") ? " or V" : ""));
    }

    static Colormap colormap(String s) {
        for (Colormap c : Colormap.values()) {
            if (c.displayName().equalsIgnoreCase(s) || c.name().equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown colormap '" + s + "' (viridis, magma, coolwarm or RdBu)");
    }

    static AttentionScale scale(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "fixed" -> AttentionScale.FIXED;
            case "data" -> AttentionScale.DATA;
            case "uniform" -> AttentionScale.AROUND_UNIFORM;
            default -> throw new IllegalArgumentException("unknown --scale '" + s + "' (fixed, data or uniform)");
        };
    }

    static SplitBarsFigure.Whiskers whiskers(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "minmax", "min-max" -> SplitBarsFigure.Whiskers.MIN_MAX;
            case "quartiles" -> SplitBarsFigure.Whiskers.QUARTILES;
            default -> throw new IllegalArgumentException("unknown --whiskers '" + s + "' (minmax or quartiles)");
        };
    }

    static FeatureMaps.Order order(String s) {
        for (FeatureMaps.Order o : FeatureMaps.Order.values()) {
            if (o.name().equalsIgnoreCase(s)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown --order '" + s + "' (channel, attention or activation)");
    }
}
