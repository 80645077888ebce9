package io.vizora.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the services behind the edge answer, and where the console's built files are. */
@ConfigurationProperties("vizora.edge")
public record EdgeProperties(URI commandService, URI projector, URI pushGateway, URI partnerStreams, Path consoleDir) {

    /** Every route target by name, in the order health lists them. */
    public Map<String, URI> targets() {
        var targets = new LinkedHashMap<String, URI>();
        targets.put("command-service", commandService);
        targets.put("projector", projector);
        targets.put("push-gateway", pushGateway);
        targets.put("partner-streams", partnerStreams);
        return targets;
    }
}
