package io.vizora.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the services behind the edge answer, where the console's built files are, and the object
 * store's addresses as browsers reach them: large uploads go there straight and previews come from
 * there, both by presigned URL.
 */
@ConfigurationProperties("vizora.edge")
public record EdgeProperties(URI commandService, URI projector, URI pushGateway, URI partnerStreams, Path consoleDir,
                             List<URI> objectStoreOrigins) {

    public EdgeProperties {
        objectStoreOrigins = objectStoreOrigins == null ? List.of() : List.copyOf(objectStoreOrigins);
    }

    /** The object store's origins (scheme, host and port), as a Content-Security-Policy names them. */
    public List<String> objectStoreSources() {
        return objectStoreOrigins.stream().filter(uri -> uri.getScheme() != null && uri.getHost() != null)
                .map(uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())).distinct().toList();
    }

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
