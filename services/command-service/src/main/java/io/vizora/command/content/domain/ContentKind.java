package io.vizora.command.content.domain;

/** What a content item is to a screen: a still image, a video, or a web page it loads by URL. */
public enum ContentKind {
    IMAGE, VIDEO, WEB;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
