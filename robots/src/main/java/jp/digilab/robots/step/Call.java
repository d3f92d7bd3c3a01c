package jp.digilab.robots.step;

/**
 * {@code call: SCRIPT_ID}: run the {@code perRecord} steps of {@code SCRIPT_ID.yml} (in
 * the same folder) for this record, in this browser, with that script's own {@code vars}.
 */
public record Call(int line, String script) implements Step {

	@Override
	public String name() {
		return "call";
	}

	@Override
	public String describe() {
		return "call " + this.script;
	}

	@Override
	public void run(StepContext ctx) {
		ctx.call(this.script);
	}

}
