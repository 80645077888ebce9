package io.vizora.agent.command;

import io.vizora.device.FleetCommand;

/** What the screen does for each command it knows; a command that throws failed, with the exception's message as its reason. */
public interface Actions {

    Outcome reload(FleetCommand command) throws Exception;

    Outcome clearCache(FleetCommand command) throws Exception;

    Outcome screenshot(FleetCommand command) throws Exception;

    Outcome identify(FleetCommand command) throws Exception;

    /** Whether this agent runs under something that starts it again ({@link #restart}). */
    boolean canRestart();

    /** Ends the agent so that its supervisor starts it again; called once the outcome is reported. */
    void restart();
}
