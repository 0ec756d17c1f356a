/**
 * Where the libraries' log goes: everything bridged to Logback, warnings and errors only unless
 * {@code --debug}; stderr for the command line, a rolling file in the XDG state folder for the
 * window; one line per event.
 *
 * <p>May import: {@code io}.
 */
package org.splitscope.logs;
