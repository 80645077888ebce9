package io.vizora.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The fallback for agents that cannot hold a socket: {@code GET /device/v1/manifest} with the device
 * JWT returns the display's newest manifest with its version as ETag; {@code If-None-Match} with the
 * current version answers 304, so polling costs a header. Same doors as the socket: 401 without a
 * valid device token, 403 for a display that is not paired.
 */
@RestController
class ManifestFetch {

    private final DeviceAuthentication authentication;
    private final Manifests manifests;

    ManifestFetch(DeviceAuthentication authentication, Manifests manifests) {
        this.authentication = authentication;
        this.manifests = manifests;
    }

    @GetMapping("/device/v1/manifest")
    Mono<ResponseEntity<String>> manifest(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                         @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return authentication.authenticate(authorization)
                .flatMap(device -> manifests.of(device)
                        .map(stored -> {
                            var etag = "\"" + stored.version() + "\"";
                            return etag.equals(ifNoneMatch)
                                    ? ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<String>build()
                                    : ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(stored.json());
                        })
                        .defaultIfEmpty(ResponseEntity.status(HttpStatus.FORBIDDEN).<String>build()))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.UNAUTHORIZED).<String>build());
    }
}
