package io.vizora.agent;

import tools.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The device's health for heartbeats: CPU, memory, disk of the data directory, temperature where the kernel tells it. */
final class Health {

    private static final Path THERMAL = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private Health() {
    }

    static void sample(ObjectNode body, Path dataDir) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            var cpu = os.getCpuLoad();
            if (cpu >= 0) {
                body.put("cpuPercent", round(cpu * 100));
            }
            if (os.getTotalMemorySize() > 0) {
                body.put("memoryPercent", round(100.0 * (os.getTotalMemorySize() - os.getFreeMemorySize()) / os.getTotalMemorySize()));
            }
        }
        try {
            var store = Files.getFileStore(dataDir);
            if (store.getTotalSpace() > 0) {
                body.put("diskPercent", round(100.0 * (store.getTotalSpace() - store.getUsableSpace()) / store.getTotalSpace()));
            }
        } catch (java.io.IOException ignored) {
            // no disk figure this time
        }
        try {
            if (Files.isReadable(THERMAL)) {
                var celsius = Long.parseLong(Files.readString(THERMAL).strip()) / 1000.0;
                if (celsius >= -50 && celsius <= 150) {
                    body.put("temperatureCelsius", round(celsius));
                }
            }
        } catch (java.io.IOException | NumberFormatException ignored) {
            // no temperature on this device
        }
    }

    private static double round(double value) {
        return Math.min(100_000, Math.round(value * 10) / 10.0);
    }
}
