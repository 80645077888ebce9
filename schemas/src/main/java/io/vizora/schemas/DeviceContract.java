package io.vizora.schemas;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks what a screen receives against the device protocol's schemas ({@code vizora/device/}):
 * today the manifest, which the projector writes, the gateway delivers and the agent reads.
 */
public final class DeviceContract {

    /** Where the manifest's schema and golden sample live on the classpath. */
    public static final String MANIFEST_SCHEMA = "vizora/device/manifest.v1.schema.json";
    public static final String MANIFEST_SAMPLE = "vizora/device/samples/manifest.v1.json";

    private final Schema manifest;

    private DeviceContract() {
        this.manifest = EventContract.registry().getSchema(EventContract.readResource(MANIFEST_SCHEMA));
    }

    public static DeviceContract load() {
        return new DeviceContract();
    }

    /** What is wrong with a manifest, or nothing. */
    public List<String> manifestViolations(JsonNode document) {
        var problems = new ArrayList<String>();
        manifest.validate(document).forEach(error -> problems.add(error.getInstanceLocation() + " " + error.getMessage()));
        return problems;
    }
}
