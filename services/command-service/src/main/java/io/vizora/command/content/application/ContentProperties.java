package io.vizora.command.content.application;

import io.vizora.command.content.domain.ContentRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/** Size limits per kind of file, and how long a presigned upload URL stays valid. */
@ConfigurationProperties("vizora.content")
public record ContentProperties(DataSize maxImageSize, DataSize maxVideoSize, Duration uploadUrlValidity) {

    public ContentProperties {
        maxImageSize = maxImageSize == null ? DataSize.ofMegabytes(50) : maxImageSize;
        maxVideoSize = maxVideoSize == null ? DataSize.ofGigabytes(2) : maxVideoSize;
        uploadUrlValidity = uploadUrlValidity == null ? Duration.ofHours(1) : uploadUrlValidity;
    }

    public ContentRules rules() {
        return new ContentRules(maxImageSize.toBytes(), maxVideoSize.toBytes());
    }
}
