package org.splitscope.runtime;

import ai.djl.Device;

/** Devices in the user's words: "CPU", "GPU 0" (DJL prints "cpu()"). */
public final class Devices {
    private Devices() {}

    public static String describe(Device device) {
        return device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
    }
}
