package jp.digilab.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code serve}: the scheduler and the REST API, until stopped. */
@Command(name = "serve", description = "start the scheduler and the REST API")
class ServeCommand implements Callable<Integer> {

	@ParentCommand
	DigilabCommand parent;

	@Option(names = "--port", description = "HTTP port (default 8080)")
	int port = 8080;

	@Override
	public Integer call() throws Exception {
		Path home = Homes.checked(this.parent.home);
		Checks.ocr("jpn+eng");
		ConfigurableApplicationContext context = SpringContexts.start(home, true, Map.of("server.port", this.port));
		System.out.println(Messages.get("serve.started", "http://localhost:" + this.port + "/", home));
		CountDownLatch stopped = new CountDownLatch(1);
		context.addApplicationListener(
				(org.springframework.context.event.ContextClosedEvent event) -> stopped.countDown());
		Runtime.getRuntime().addShutdownHook(new Thread(context::close));
		stopped.await();
		return 0;
	}

}
