package io.vizora.platform.objectstore;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.Directive;
import io.minio.SourceObject;
import io.minio.errors.ErrorResponseException;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.Http;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Vizora's content bucket. Objects stream in and out; nothing here holds a whole file in
 * memory. Players fetch content through presigned URLs, so they never hold store credentials.
 */
public final class ObjectStore implements AutoCloseable {

    /** minio-java buffers one part of this size when a stream's length is unknown. */
    private static final long PART_SIZE = 8L * 1024 * 1024;

    private final MinioClient client;
    private final String bucket;

    public ObjectStore(ObjectStoreProperties properties) {
        this.client = MinioClient.builder()
                .endpoint(properties.endpoint())
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .build();
        this.bucket = properties.bucket();
    }

    public String bucket() {
        return bucket;
    }

    public boolean bucketExists() {
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    /**
     * Every object is served as a download, never rendered: a file that is also valid HTML or SVG
     * must not run script in a browser tab on the store's origin. (A store cannot be made to send
     * {@code X-Content-Type-Options}; the exact type and this header are what it can send.)
     */
    private static final String DISPOSITION = "attachment";

    /** Stores a stream; {@code size} may be -1 when unknown. */
    public void put(String key, InputStream content, long size, String contentType) {
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(bucket).object(key)
                .stream(content, size, size < 0 ? PART_SIZE : -1)
                .contentType(contentType)
                .headers(Map.of("Content-Disposition", DISPOSITION))
                .build()));
    }

    /** Copies an object inside the store (the bytes never leave it), giving the copy its type. */
    public void copy(String source, String target, String contentType) {
        call(() -> client.copyObject(CopyObjectArgs.builder()
                .bucket(bucket).object(target)
                .source(SourceObject.builder().bucket(bucket).object(source).build())
                .metadataDirective(Directive.REPLACE)
                .headers(Map.of("Content-Type", contentType, "Content-Disposition", DISPOSITION))
                .build()));
    }

    /** Opens an object for reading; the caller closes the stream. */
    public InputStream get(String key) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    public long size(String key) {
        return call(() -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size());
    }

    /** The object's size, or empty if there is no such object. */
    public OptionalLong sizeIfPresent(String key) {
        try {
            return OptionalLong.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return OptionalLong.empty();
            }
            throw new ObjectStoreException("object store request failed on bucket " + bucket + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStoreException("object store request failed on bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    public void remove(String key) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** A URL anyone holding it may GET, until it expires. */
    public String presignedGet(String key, Duration validity) {
        return presigned(Http.Method.GET, key, validity);
    }

    /** A URL anyone holding it may PUT one object to, until it expires: uploads that bypass the service. */
    public String presignedPut(String key, Duration validity) {
        return presigned(Http.Method.PUT, key, validity);
    }

    private String presigned(Http.Method method, String key, Duration validity) {
        return call(() -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(method).bucket(bucket).object(key)
                .expiry(Math.toIntExact(validity.toSeconds()))
                .build()));
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    private interface StoreCall<T> {
        T call() throws Exception;
    }

    private <T> T call(StoreCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ObjectStoreException("object store request failed on bucket " + bucket + ": " + e.getMessage(), e);
        }
    }
}
