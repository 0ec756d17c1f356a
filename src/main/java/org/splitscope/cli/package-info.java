/**
 * The headless command line ({@link org.splitscope.cli.SplitScopeCli}, picocli): thin commands over the
 * same services the window uses, their option parsing, the progress line and the man page. {@code figure}
 * writes every view through its {@code FileFigure} and {@code FigureFiles.write}.
 *
 * <p>May import: every layer below it (the views, {@code figure}, {@code batch}, {@code analysis},
 * {@code capture}, {@code engine}, {@code train}, {@code hub}, …). Never {@code app}; nothing but the
 * launcher imports it.
 */
package org.splitscope.cli;
