package org.splitscope.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes what the installer ships beside the launcher, generated from the commands' picocli
 * definitions so that they cannot drift from {@code --help}: the man page {@code splitscope.1}
 * (troff, one page with every command) and the bash completion script {@code splitscope.bash}
 * (picocli's AutoComplete; zsh loads it through bashcompinit).
 *
 * <p>Usage: {@code java -cp splitscope.jar:lib/* org.splitscope.cli.ManPage OUT_DIR}
 */
public final class ManPage {
    private ManPage() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        CommandLine cli = new CommandLine(new SplitScopeCli());
        Files.writeString(out.resolve("splitscope.1"), troff(cli.getCommandSpec()), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("splitscope.bash"), AutoComplete.bash("splitscope", cli), StandardCharsets.UTF_8);
    }

    static String troff(CommandSpec root) {
        StringBuilder m = new StringBuilder();
        m.append(".\\\" Generated from the picocli commands by org.splitscope.cli.ManPage; do not edit.\n");
        m.append(".TH SPLITSCOPE 1 \"\" \"").append(escape(org.splitscope.Version.NAME)).append("\" \"User Commands\"\n");
        m.append(".SH NAME\nsplitscope \\- ").append(escape(String.join(" ", root.usageMessage().description()))).append('\n');
        m.append(".SH SYNOPSIS\n.B splitscope\n.br\n.B splitscope\n\\fB\\-\\-debug\\fR\n.br\n.B splitscope\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
        m.append(".SH DESCRIPTION\nWithout arguments (or with only \\fB\\-\\-debug\\fR) \\fBsplitscope\\fR opens the explorer window; "
                + "with a command it runs that command without a window. A problem with the input ends with one "
                + "\\fIerror:\\fR line on standard error.\n");
        m.append(".SH OPTIONS\n");
        options(m, root);
        m.append(".SH COMMANDS\n");
        for (CommandLine sub : root.subcommands().values()) {
            command(m, sub.getCommandSpec(), "splitscope " + sub.getCommandName());
        }
        m.append(".SH EXIT STATUS\n.TP\n0\ndone\n.TP\n2\na problem with the input, one \\fIerror:\\fR line\n"
                + ".TP\n130\ninterrupted (Ctrl+C or SIGTERM); files being written are discarded\n");
        m.append(".SH FILES\n.TP\n\\fI~/.local/state/splitscope/splitscope.log\\fR\n"
                + "the explorer window's log (\\fI$XDG_STATE_HOME/splitscope\\fR when set); "
                + "the command line logs warnings to standard error\n");
        m.append(".SH ENVIRONMENT\n.TP\n\\fBHF_ENDPOINT\\fR, \\fBHF_HOME\\fR, \\fBHF_HUB_CACHE\\fR, \\fBHF_TOKEN\\fR, "
                + "\\fBHF_HUB_OFFLINE\\fR\nthe Hugging Face hub and its cache, as huggingface_hub reads them\n"
                + ".TP\n\\fBTERM\\fR\n\\fIdumb\\fR: no progress line\n");
        return m.toString();
    }

    private static void command(StringBuilder m, CommandSpec spec, String name) {
        if (spec.usageMessage().hidden()) {
            return;
        }
        m.append(".SS ").append(escape(name)).append('\n');
        m.append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                m.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n")
                        .append(escape(String.join(" ", p.description()))).append('\n');
            }
        }
        options(m, spec);
        for (CommandLine sub : spec.subcommands().values()) {
            command(m, sub.getCommandSpec(), name + " " + sub.getCommandName());
        }
    }

    private static void options(StringBuilder m, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || (o.inherited() && !o.usageHelp() && !o.versionHelp() && spec.parent() != null)
                    || ((o.usageHelp() || o.versionHelp()) && spec.parent() != null)) {
                continue; // --help, --version and --debug once, under OPTIONS
            }
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + escape(n) + "\\fR");
            }
            m.append(".TP\n").append(String.join(", ", names));
            if (o.arity().max() > 0) {
                m.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            m.append('\n').append(escape(description(o))).append('\n');
        }
    }

    private static String description(OptionSpec o) {
        String d = String.join(" ", o.description());
        String def = o.defaultValueString();
        return d.replace("${DEFAULT-VALUE}", def == null ? "" : def)
                .replace("${COMPLETION-CANDIDATES}", o.completionCandidates() == null ? ""
                        : String.join(", ", o.completionCandidates()));
    }

    /** troff: backslashes, hyphens (so that options copy as ASCII), and a leading dot or quote. */
    static String escape(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
