package org.splitscope.analysis;

/** One channel and a value of it; {@code channel} counts within its cardinal group. */
public record ChannelValue(int channel, double value) {}
