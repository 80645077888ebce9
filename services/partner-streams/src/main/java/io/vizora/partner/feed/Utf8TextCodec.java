package io.vizora.partner.feed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Binds a {@link Utf8Text} as a {@code text} parameter from its bytes. Registered with the driver as
 * an extension ({@code META-INF/services/io.r2dbc.postgresql.extension.Extension}), which it loads
 * for every connection factory; it encodes only this type and decodes nothing.
 */
public final class Utf8TextCodec implements Codec<Utf8Text>, CodecRegistrar {

    private static final int TEXT = PostgresqlObjectId.TEXT.getObjectId();

    @Override
    public Publisher<Void> register(PostgresqlConnection connection, ByteBufAllocator allocator, CodecRegistry registry) {
        registry.addFirst(this);
        return Mono.empty();
    }

    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
        return false;
    }

    @Override
    public boolean canEncode(Object value) {
        return value instanceof Utf8Text;
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
        return type == Utf8Text.class;
    }

    @Override
    public Utf8Text decode(ByteBuf buffer, int dataType, Format format, Class<? extends Utf8Text> type) {
        throw new UnsupportedOperationException("Utf8Text is a parameter only");
    }

    @Override
    public EncodedParameter encode(Object value) {
        var bytes = ((Utf8Text) value).bytes();
        return new EncodedParameter(Format.FORMAT_TEXT, TEXT, Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)));
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
        return encode(value);
    }

    @Override
    public EncodedParameter encodeNull() {
        return new EncodedParameter(Format.FORMAT_TEXT, TEXT, EncodedParameter.NULL_VALUE);
    }
}
