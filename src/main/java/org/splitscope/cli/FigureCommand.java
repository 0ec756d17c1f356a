package org.splitscope.cli;

import org.splitscope.view.walkthrough.WalkthroughRun;
import org.splitscope.view.variants.VariantsFigure;
import org.splitscope.view.variants.VariantRuns;
import org.splitscope.view.variants.VariantRun;
import org.splitscope.view.knockout.KnockoutResult;
import org.splitscope.view.knockout.KnockoutFigure;
import org.splitscope.view.dataset.DatasetRequest;
import org.splitscope.view.dataset.DatasetFigure;
import org.splitscope.view.dataset.AnalysisRun;
import org.splitscope.view.compare.Comparisons;
import org.splitscope.view.Origin;
import org.splitscope.input.ImageLoader;
import org.splitscope.figure.Provenance;
import org.splitscope.figure.FileFigure;
import org.splitscope.bundled.BundledModels;
import java.util.function.Function;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.splitscope.SplitScopeException;
import org.splitscope.view.cam.CamEvidence;
import org.splitscope.view.featuremaps.FeatureMaps;
import org.splitscope.view.cam.CamMethod;
import org.splitscope.view.cam.CamService;
import org.splitscope.view.cam.ClassChoice;
import org.splitscope.analysis.SplitContributions;
import org.splitscope.capture.BlockCapture;
import org.splitscope.capture.CaptureResult;
import org.splitscope.capture.CaptureService;
import org.splitscope.capture.Intervention;
import org.splitscope.capture.Interventions;
import org.splitscope.engine.LoadedModel;
import org.splitscope.view.cam.CamRequest;
import org.splitscope.figure.Drawing;
import org.splitscope.figure.FigureFiles;
import org.splitscope.figure.FigureFormat;
import org.splitscope.view.image.FigureRequest;
import org.splitscope.figure.FigureSize;
import org.splitscope.figure.FigureStyle;
import org.splitscope.view.splitbars.SplitBarsFigure;
import org.splitscope.view.ViewSpec;
import org.splitscope.view.Views;
import org.splitscope.view.walkthrough.WalkthroughFigure;
import org.splitscope.view.walkthrough.WalkthroughStep;
import org.splitscope.input.Sample;
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

    @Option(names = "--view", required = true, paramLabel = "VIEW", completionCandidates = Views.FigureHelp.class,
            description = "${COMPLETION-CANDIDATES}.")
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
            walkChannel = FigureArguments.nonNegative("--channel", channel);
            ViewSpec v = Views.parse(view);
            request = FigureRequest.of(v, block, FigureArguments.parseGroup(group), FigureArguments.parseSplit(split),
                    FigureArguments.colormap(colormap)).withHeatmap(FigureArguments.scale(scale), opacity)
                    .withSplitBars(FigureArguments.whiskers(whiskers), stacked).withBins(bins)
                    .withFeatureMaps(FigureArguments.order(order), columns, 0);
            size = FigureSize.parse(width, dpi);
            fileFormat = format != null ? FigureFormat.parse(format)
                    : FigureFormat.of(out) != null ? FigureFormat.of(out) : FigureFormat.PNG;
            style = FigureStyle.print(FigureStyle.Theme.parse(theme));
        } catch (IllegalArgumentException e) {
            throw new SplitScopeException(e.getMessage());
        }
        List<Intervention> forcedList = Intervention.parseAll(intervene); // syntax first, before any file
        if (!forcedList.isEmpty() && Set.of(Views.DATASET, Views.KNOCKOUT, Views.VARIANTS, Views.CAM)
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
        Output to = new Output(file, fileFormat, size, style, !noCaption);
        if (profile != null || data != null) {
            if (request.view() != Views.DATASET || profile == null) {
                throw new SplitScopeException(profile == null ? "--data writes the numbers of a --profile figure"
                        : "--profile draws a paper's figure in --view dataset, not --view " + request.view());
            }
            return ProfileFigureFile.write(stats, profile, channels, groups, to, data);
        }
        if (request.view() == Views.DATASET) {
            return dataset(request, to);
        }
        if (request.view() == Views.KNOCKOUT) {
            if (knockout == null) {
                throw new SplitScopeException("--view knockout needs --knockout DIR (a knockout output folder)");
            }
            KnockoutResult k = KnockoutResult.read(knockout);
            return to.write(KnockoutFigure.file(k, request.colormap()),
                    "knockout of " + Printable.clean(knockout.toString()), d -> "");
        }
        if (input == null) {
            throw new SplitScopeException("--input IMAGE is needed for the " + request.view() + " view");
        }
        if (!Files.isRegularFile(input)) {
            throw new SplitScopeException(input + ": no such file");
        }
        if (request.view() == Views.VARIANTS) {
            String name = Printable.clean(input.getFileName().toString());
            List<VariantRun> runs = VariantRuns.run(name, ImageLoader.load(input), () -> false);
            return to.write(VariantsFigure.file(name, () -> Sha256.of(input), runs, BundledModels.ablation(),
                    request.colormap()), runs.size() + " variants", d -> "");
        }
        if (request.view() == Views.COMPARE && (compare == null) == !scales) {
            throw new SplitScopeException("--view compare needs --compare IMAGE (a second image) or --scales");
        }
        boolean cam = request.view() == Views.CAM;
        CamMethod camMethod = cam ? CamMethod.parse(method) : null;
        boolean atV = cam && request.block() != null && request.block().endsWith(".conv2");
        try (LoadedModel model = modelOptions.load()) {
            Interventions forced = Interventions.of(forcedList, model.network());
            if (request.view() == Views.WALKTHROUGH) {
                String name = FigureArguments.pickBlock(model, request.block());
                return to.write(WalkthroughRun.file(model, input, name, walkChannel,
                        new WalkthroughFigure.Options(request.colormap(), walkStep), forced),
                        String.format(Locale.ROOT, "walkthrough of %s, step %d %s, channel %d", name,
                                walkStep.ordinal() + 1, walkStep.id(), walkChannel), d -> "");
            }
            if (request.view() == Views.COMPARE) {
                String name = FigureArguments.pickBlock(model, request.block());
                return to.write(Comparisons.file(model, input, compare, name, request.colormap(), forced),
                        "compare at " + name, d -> "");
            }
            List<Sample> samples = Samples.load(input, model.preprocessing());
            if (samples.size() != 1) {
                throw new SplitScopeException(input + ": holds " + samples.size() + " inputs; a figure shows one");
            }
            Sample sample = samples.get(0);
            String name = FigureArguments.pickBlock(model, atV ? request.block().replaceFirst("\\.conv2$", "") : request.block());
            request = request.withBlock(name);
            ClassChoice choice = cam ? ClassChoice.parse(classChoice, model.labels()) : null;
            CaptureResult result = CaptureService.capture(model, samples, Set.of(name), () -> false, forced);
            BlockCapture selected = result.block(name);
            FigureArguments.requireInRange(request, selected);
            Raster raster = InputImages.fromTensor(sample.data(), (int) sample.shape()[1], (int) sample.shape()[2],
                    model.preprocessing());
            Origin origin = new Origin(model, sample.source(), () -> Sha256.of(input), forced.describe());
            FileFigure figure;
            if (cam) {
                // The same maps as the cam command and the window: CamService, beside this capture's split maps.
                CamRequest camRequest = new CamRequest(request, choice, camMethod, atV);
                CamEvidence evidence = CamEvidence.of(CamService.compute(model, samples, camRequest.target(), choice,
                        camMethod), 0, result.logits(0), selected, camRequest.group(selected));
                figure = camRequest.file(evidence, raster, origin);
            } else {
                figure = request.file(selected, result.blocks(), raster, origin);
            }
            return to.write(figure, request.view() + " of " + name, d -> (fileFormat == FigureFormat.PNG
                    ? String.format(Locale.ROOT, " (%d × %d px at %.0f dpi)", size.pixels(d.width()),
                            size.pixels(d.height()), dpi) : "")
                    + (forced.isEmpty() ? "" : ", attention forced: " + forced.describe()));
        }
    }

    /** The dataset view: drawn from analyze's stats.npz/stats.json, no model run. */
    private int dataset(FigureRequest request, Output to) throws SplitScopeException {
        if (stats == null) {
            throw new SplitScopeException("--view dataset needs --stats DIR (an analyze output folder)");
        }
        AnalysisRun run = AnalysisRun.read(stats);
        FileFigure figure;
        Provenance provenance;
        try {
            figure = new DatasetRequest(request.block(), DatasetFigure.Metric.parse(metric), request.split(), groups,
                    request.colormap()).file(run, stats.toAbsolutePath().getFileName().toString());
            provenance = figure.provenance(); // checks the block and the groups against the run
        } catch (IllegalArgumentException | IOException e) {
            throw new SplitScopeException(stats + ": " + e.getMessage());
        }
        return to.write(figure, "dataset of " + Printable.clean(stats.toString()) + " at " + provenance.block(),
                d -> "");
    }

    /** Where and how the figure is written: the one write path and its one summary line. */
    record Output(Path file, FigureFormat format, FigureSize size, FigureStyle style, boolean caption) {
        /** Writes {@code figure} and prints "FILE: WHAT, W × H in" and what {@code more} adds for the drawing. */
        int write(FileFigure figure, String what, Function<Drawing, String> more) throws SplitScopeException {
            Drawing d;
            try {
                d = FigureFiles.write(file, format, figure, size, style, caption);
            } catch (IOException e) {
                throw new SplitScopeException(file + ": cannot write the figure (" + e.getMessage() + ")", e);
            }
            System.out.printf(Locale.ROOT, "%s: %s, %.2f × %.2f in%s%n", Printable.clean(file.toString()), what,
                    d.width() / 72, d.height() / 72, more.apply(d));
            return 0;
        }
    }

    static Colormap colormap(String s) {
        return FigureArguments.colormap(s);
    }
}
