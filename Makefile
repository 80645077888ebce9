# Vizora: every verb is a script in ops/, so it works the same from make or a shell.
# The scripts pick a JDK 21+ themselves (ops/lib/jdk.sh); nothing relies on the shell's java.
.PHONY: run test up down status logs clean build bench rebuild-projector

run:     ## build, start the stack and services, follow logs; Ctrl-C stops what it started
	@ops/run.sh

test:    ## the whole suite against a test stack of its own
	@ops/test.sh

bench:   ## benchmarks against a stack of their own; figures go in benchmarks/README.md
	@ops/bench.sh

build:   ## compile and package the services and the console
	@ops/mvn.sh -q -DskipTests package
	@ops/console.sh

up: build ## start stack and services detached; returns once every part answers
	@ops/stack.sh up --services

down:    ## stop what 'up' or 'run' started, by PID
	@ops/stack.sh down

status:  ## one line per component: name, state, endpoint
	@ops/stack.sh status

logs:    ## follow logs (all, or C=<component>)
	@ops/stack.sh logs $(C)

rebuild-projector: ## drop the projector's read models and replay every topic into new ones
	@ops/stack.sh rebuild projector

clean:   ## stop the local stacks and remove all their state (.vizora/)
	@ops/stack.sh clean
	@VIZORA_INSTANCE=test ops/stack.sh clean
	@VIZORA_INSTANCE=bench VIZORA_PORT_OFFSET=300 ops/stack.sh clean
	@rm -rf .vizora
