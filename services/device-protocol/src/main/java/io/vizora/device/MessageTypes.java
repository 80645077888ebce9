package io.vizora.device;

/**
 * The types of the messages on a screen's socket (docs/device-protocol.md), named once for the
 * gateway that sends and receives them and the agent at the other end.
 */
public final class MessageTypes {

    /** agent → gateway: who it is and the newest manifest version it holds. */
    public static final String HELLO = "hello";
    /** gateway → agent: a newer manifest. */
    public static final String MANIFEST = "manifest";
    /** gateway → agent: the display was unpaired; the agent forgets its credentials. */
    public static final String UNPAIRED = "unpaired";
    /** both ways: the answer to a message, naming it in {@code replyTo}. */
    public static final String ACK = "ack";
    /** agent → gateway: a sign of life with the screen's health. */
    public static final String HEARTBEAT = "heartbeat";
    /** gateway → agent: a message was refused, and why. */
    public static final String ERROR = "error";
    /** agent → gateway: a batch of plays from the journal. */
    public static final String PLAYS = "plays";
    /** agent → gateway: a renewed device token for the open socket. */
    public static final String TOKEN = "token";
    /** gateway → agent: the socket's token expires soon. */
    public static final String TOKEN_EXPIRING = "token_expiring";

    /** gateway → agent: a fleet command for this display ({@link FleetCommand}). */
    public static final String COMMAND = "command";
    /** agent → gateway: where the display stands with a command ({@link CommandStatus}). */
    public static final String COMMAND_STATUS = "command_status";

    private MessageTypes() {
    }
}
