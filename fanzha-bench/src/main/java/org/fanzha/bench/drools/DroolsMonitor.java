package org.fanzha.bench.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fanzha.engine.monitor.TransferMonitor;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.kie.internal.utils.KieHelper;

/**
 * The Drools peer of {@link org.fanzha.engine.monitor.TransferMonitor}: the same rule set
 * in DRL (monitor-common.drl plus one of the two forms of the windowed rules), one
 * stateful session in STREAM mode on a pseudo clock that follows the transfers' own
 * times. Each decision inserts the transfer as an event (it stays in the sliding windows
 * until it expires after 24 hours), inserts a {@link Decision} fact, fires the rules and
 * deletes the decision fact. Every account is a fact from the start, as the monitor holds
 * state for every account. Fanzha's guard is applied to the outcome ({@link Guard}), so
 * both sides follow the same semantics.
 */
public final class DroolsMonitor implements AutoCloseable {

	/** The two forms of the windowed rules. */
	public enum Windows {

		/**
		 * Per-account accumulates kept on the profile (monitor-windows-profile.drl): the
		 * peer.
		 */
		PROFILE("monitor-windows-profile.drl"),
		/**
		 * Accumulates in each rule's conditions (monitor-windows-inline.drl): the
		 * textbook form.
		 */
		INLINE("monitor-windows-inline.drl");

		final String resource;

		Windows(String resource) {
			this.resource = resource;
		}

	}

	/**
	 * The rules the DRL implements, by the number each passes to {@link Decision#match}:
	 * the ids and order of {@code TransferMonitor.DEFAULT_RULES} version 2.
	 */
	public static final List<String> RULES = List.of("TO_CONFIRMED", "FROM_CONFIRMED", "NEAR_CONFIRMED", "FAN_IN",
			"QUICK_OUT", "FLAGGED_OUT", "FLAGGED_IN", "VICTIM_CONTACTED", "DORMANT_WAKES", "SHARED_DEVICE",
			"MODEL_HIGH", "NIGHT_LARGE");

	/** The version of DEFAULT_RULES the DRL was written for. */
	public static final int RULES_VERSION = 2;

	private static final String DIR = "org/fanzha/bench/drools/";

	private final KieSession session;

	private final SessionPseudoClock clock;

	private final Guard guard = new Guard(TransferMonitor.GUARD_CAP, TransferMonitor.GUARD_BLOCK);

	private final Account[] accounts;

	private final FactHandle[] handles;

	/** Compiles the DRL once; sessions of the same base share the compiled network. */
	public static KieBase kieBase(Windows windows) {
		return new KieHelper().addContent(drl("monitor-common.drl"), ResourceType.DRL)
			.addContent(drl(windows.resource), ResourceType.DRL)
			.build(EventProcessingOption.STREAM);
	}

	private static String drl(String name) {
		try (InputStream in = DroolsMonitor.class.getClassLoader().getResourceAsStream(DIR + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + DIR + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A session with every account as a fact; the rules that set up each account's
	 * windows have fired.
	 */
	public DroolsMonitor(KieBase base, int accounts) {
		KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
		conf.setOption(ClockTypeOption.PSEUDO);
		this.session = base.newKieSession(conf, null);
		this.clock = session.getSessionClock();
		this.accounts = new Account[accounts];
		this.handles = new FactHandle[accounts];
		for (int a = 0; a < accounts; a++) {
			this.accounts[a] = new Account(a);
			handles[a] = session.insert(this.accounts[a]);
		}
		session.fireAllRules();
	}

	/** A victim's report or a freeze confirms the account as a fraud account. */
	public void confirm(int account, long epochSecond) {
		accounts[account].confirm(epochSecond);
		session.update(handles[account], accounts[account], "hops", "hopsSince");
	}

	/** The holder was contacted by a flagged number. */
	public void contactedByFlagged(int account, long epochSecond) {
		accounts[account].contactedByFlagged(epochSecond);
		session.update(handles[account], accounts[account], "flaggedContact");
	}

	/**
	 * Decides on one transfer ({@code to} -1 for cash) and books it; the pseudo clock
	 * moves to its time.
	 */
	public Decision decide(int from, int to, long amountFen, long epochSecond) {
		long millis = epochSecond * 1_000;
		long now = clock.getCurrentTime();
		if (millis > now) {
			clock.advanceTime(millis - now, TimeUnit.MILLISECONDS);
		}
		session.insert(new Transfer(from, to, amountFen, millis));
		Decision d = new Decision(from, to, amountFen, epochSecond, guard);
		FactHandle h = session.insert(d);
		session.fireAllRules();
		session.delete(h);
		guard.count(d.getActive());
		return d;
	}

	/** Whether the guard has shadowed a rule in this session. */
	public boolean alarm() {
		return guard.alarm();
	}

	/**
	 * Facts in the session now: accounts plus the transfer events still inside the
	 * windows.
	 */
	public long facts() {
		return session.getFactCount();
	}

	@Override
	public void close() {
		session.dispose();
	}

}
