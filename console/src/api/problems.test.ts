import { describe, expect, it } from "vitest";
import { problemOf, toProblem } from "./problems";

const answer = (status: number, body: unknown, type = "application/problem+json") =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers: { "Content-Type": type } });

describe("a refusal from the API", () => {
  it("names the message of each field it names", async () => {
    const problem = await problemOf(answer(400, { title: "Bad request", status: 400, errors: [{ field: "name", message: "must not be blank" }] }));
    expect(problem.forField("name")).toBe("must not be blank");
    expect(problem.forField("timeZone")).toBeUndefined();
  });

  it("keeps the detail of a problem whose body was read already", () => {
    const problem = toProblem({ title: "Password refused", status: 400, detail: "The password is too short." }, answer(400, null));
    expect(problem.problem.title).toBe("Password refused");
    expect(problem.general).toBe("The password is too short.");
  });

  it("says plainly that a service is down when the edge answers 5xx without a problem", async () => {
    const problem = await problemOf(answer(503, null, "text/plain"));
    expect(problem.general).toMatch(/does not answer right now/);
  });
});
