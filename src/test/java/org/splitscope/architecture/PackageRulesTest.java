package org.splitscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the package-info files describe, checked on the compiled program (tests left out):
 * no import cycle between top-level packages ({@code org.splitscope.<pkg>}, each
 * {@code org.splitscope.view.<name>} a package of its own), nothing below {@code app} imports it,
 * the drawing kit ({@code figure}) imports no view, no view imports {@code app}, {@code cli} or a view its
 * package-info does not name, and the lower layers import only what their package-info says.
 */
class PackageRulesTest {
    private static final String ROOT = "org.splitscope.";

    /**
     * Known cycles, each a pair of top-level packages whose imports of each other are let through
     * until the work that removes it lands. Delete an entry with that work; the list should be empty
     * (it is, since Intervention/Interventions became values in capture).
     */
    private static final List<List<String>> KNOWN_CYCLES = List.of();

    private static JavaClasses program;

    @BeforeAll
    static void importProgram() {
        program = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.splitscope");
    }

    /** {@code app}, {@code figure}, …; {@code view.NAME} for a view; null outside the top-level packages. */
    static String topLevel(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return null; // the root package (Launcher, SplitScopeException) stands above and beside all
        }
        String[] parts = packageName.substring(ROOT.length()).split("\\.");
        return parts[0].equals("view") && parts.length > 1 ? "view." + parts[1] : parts[0];
    }

    private static final SliceAssignment TOP_LEVEL = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String slice = topLevel(c.getPackageName());
            return slice == null ? SliceIdentifier.ignore() : SliceIdentifier.of(slice);
        }

        @Override
        public String getDescription() {
            return "top-level packages of org.splitscope (each view.<name> on its own)";
        }
    };

    private static DescribedPredicate<JavaClass> in(String slice) {
        return DescribedPredicate.describe("in " + slice, c -> slice.equals(topLevel(c.getPackageName())));
    }

    @Test
    void noImportCycleBetweenTopLevelPackages() {
        var rule = slices().assignedFrom(TOP_LEVEL).should().beFreeOfCycles();
        for (List<String> pair : KNOWN_CYCLES) {
            rule = rule.ignoreDependency(in(pair.get(0)), in(pair.get(1)));
        }
        rule.check(program);
    }

    /** An entry in KNOWN_CYCLES whose cycle is gone fails here, so that it is deleted rather than forgotten. */
    @Test
    void everyKnownCycleIsStillThere() {
        for (List<String> pair : KNOWN_CYCLES) {
            boolean imports = program.stream().filter(in(pair.get(0)))
                    .anyMatch(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> in(pair.get(1)).test(d.getTargetClass())));
            assertTrue(imports, pair.get(0) + " no longer imports " + pair.get(1)
                    + ": delete the entry from KNOWN_CYCLES (PackageRulesTest)");
        }
    }

    @Test
    void eachViewIsATopLevelPackageOfItsOwn() {
        assertEquals("view.depth", topLevel("org.splitscope.view.depth"));
        assertEquals("view.depth", topLevel("org.splitscope.view.depth.parts"));
        assertEquals("figure", topLevel("org.splitscope.figure"));
        assertEquals("app", topLevel("org.splitscope.app.picker"));
        assertNull(topLevel("org.splitscope"));
    }

    /** The window's packages ({@code app}, {@code app.base}, {@code app.main}, each tab) import each other without a cycle. */
    @Test
    void noImportCycleInsideTheWindow() {
        SliceAssignment windowPackages = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals("org.splitscope.app") || p.startsWith("org.splitscope.app.")
                        ? SliceIdentifier.of(p.substring(ROOT.length())) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of the window (app and app.*)";
            }
        };
        slices().assignedFrom(windowPackages).should().beFreeOfCycles().check(program);
    }

    @Test
    void nothingBelowTheWindowImportsIt() {
        noClasses().that().resideOutsideOfPackages("org.splitscope.app..")
                .and().resideOutsideOfPackage("org.splitscope") // the launcher starts the window
                .should().dependOnClassesThat().resideInAPackage("org.splitscope.app..")
                .because("app is the top layer: only the launcher starts it").check(program);
    }

    /** The lower layers import only what their package-info says (the root package's exception aside). */
    private static final Map<String, Set<String>> LOWER_LAYERS = Map.ofEntries(
            Map.entry("io", Set.of()),
            Map.entry("runtime", Set.of("io")),
            Map.entry("input", Set.of("io")),
            Map.entry("logs", Set.of("io")),
            Map.entry("render", Set.of("input")),
            Map.entry("model", Set.of("input", "runtime")),
            Map.entry("checkpoint", Set.of("io", "model")),
            Map.entry("hub", Set.of("io", "model")),
            Map.entry("engine", Set.of("runtime", "model", "checkpoint", "input", "io")),
            Map.entry("capture", Set.of("engine", "model", "runtime", "input", "io")),
            Map.entry("batch", Set.of("engine", "input", "io")),
            Map.entry("analysis", Set.of("capture", "model")),
            Map.entry("figure", Set.of("render", "io")));

    @Test
    void lowerLayersImportOnlyWhatTheirPackageInfoSays() {
        Set<String> wrong = new TreeSet<>();
        for (JavaClass c : program) {
            String from = topLevel(c.getPackageName());
            Set<String> allowed = from == null ? null : LOWER_LAYERS.get(from);
            if (allowed == null) {
                continue;
            }
            for (var d : c.getDirectDependenciesFromSelf()) {
                String to = topLevel(d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from) && !allowed.contains(to)) {
                    wrong.add(from + " -> " + to + ": " + d.getDescription());
                }
            }
        }
        assertEquals(Set.of(), wrong);
    }

    /** What any {@code view.<name>} may import: the contract, the drawing kit and the layers below it. */
    private static final Set<String> VIEWS_MAY_IMPORT = Set.of("view", "figure", "analysis", "batch", "capture",
            "engine", "model", "input", "render", "io", "bundled");

    /**
     * The views that reuse another view's pieces, as their package-info says; any other import between two
     * views fails, so that a view stays one folder.
     */
    private static final Map<String, Set<String>> VIEW_REUSES = Map.of(
            "view.image", Set.of("view.heatmaps", "view.splitbars", "view.featuremaps", "view.gap", "view.depth"),
            "view.cam", Set.of("view.heatmaps", "view.image"),
            "view.compare", Set.of("view.heatmaps"),
            "view.dataset", Set.of("view.splitbars"),
            "view.depth", Set.of("view.splitbars"),
            "view.variants", Set.of("view.depth", "view.splitbars", "view.dataset"),
            "view.walkthrough", Set.of("view.featuremaps"));

    /** No view imports the window, the command line or a view its package-info does not name. */
    @Test
    void viewsImportNeitherAppNorCliNorUnlistedViews() {
        Set<String> wrong = new TreeSet<>();
        for (JavaClass c : program) {
            String from = topLevel(c.getPackageName());
            if (from == null || !from.startsWith("view.")) {
                continue;
            }
            for (var d : c.getDirectDependenciesFromSelf()) {
                String to = topLevel(d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from) && !VIEWS_MAY_IMPORT.contains(to)
                        && !VIEW_REUSES.getOrDefault(from, Set.of()).contains(to)) {
                    wrong.add(from + " -> " + to + ": " + d.getDescription());
                }
            }
        }
        assertEquals(Set.of(), wrong);
    }

    @Test
    void theDrawingKitImportsNoView() {
        noClasses().that().resideInAPackage("org.splitscope.figure..")
                .should().dependOnClassesThat().resideInAPackage("org.splitscope.view..")
                .because("views draw with figure, not the other way round").check(program);
    }
}
