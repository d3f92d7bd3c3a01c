package jp.digilab.app;

import jp.digilab.app.cli.DigilabCommand;

/** Command-line entry point; see {@link DigilabCommand}. */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		DigilabCommand.logToStandardError();
		System.exit(DigilabCommand.execute(args));
	}

}
