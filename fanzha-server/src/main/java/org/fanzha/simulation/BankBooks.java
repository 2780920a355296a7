package org.fanzha.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fanzha.engine.graph.TransferGraph;
import org.fanzha.ledger.StatementRow;
import org.fanzha.sim.world.World;
import org.springframework.stereotype.Component;

/**
 * The simulated banks' own books: every simulated transfer, in the banks' core systems,
 * not the platform's. The simulated banks answer stops and queries from here (balance,
 * statement with counterparty bank and name), as a real bank answers from its core
 * system; the platform learns of the transfers only from what the banks send.
 */
@Component
class BankBooks {

	private volatile TransferGraph graph = new TransferGraph();

	private volatile World world;

	synchronized void open(World world) {
		TransferGraph g = new TransferGraph();
		for (int a = 0; a < world.population.accounts(); a++) {
			g.addAccount("A" + a, world.population.openingBalance(a));
		}
		this.graph = g;
		this.world = world;
	}

	synchronized void append(String transferId, long epochSecond, String from, String to, long amountFen,
			String channel) {
		graph.append(transferId, epochSecond, from, to, amountFen, channel);
	}

	/** An account's balance now, or null for an account of no simulated bank. */
	synchronized Long balance(String accountId) {
		int a = graph.accountIndex(accountId);
		return a < 0 ? null : graph.stateBefore(a, Integer.MAX_VALUE).balance();
	}

	/** The account's transactions in a period, as the bank prints its statement. */
	synchronized List<StatementRow> statement(String accountId, long fromEpoch, long toEpoch) {
		List<StatementRow> rows = new ArrayList<>();
		int a = graph.accountIndex(accountId);
		if (a < 0) {
			return rows;
		}
		for (int t = graph.firstIn(a); t != TransferGraph.NONE; t = graph.nextIn(t)) {
			if (graph.time(t) >= fromEpoch && graph.time(t) <= toEpoch) {
				rows.add(row(t, StatementRow.Direction.IN, graph.from(t)));
			}
		}
		for (int t = graph.firstOut(a); t != TransferGraph.NONE; t = graph.nextOut(t)) {
			if (graph.time(t) >= fromEpoch && graph.time(t) <= toEpoch) {
				rows.add(row(t, StatementRow.Direction.OUT, graph.to(t)));
			}
		}
		rows.sort(Comparator.comparing(StatementRow::at));
		return rows;
	}

	/** A transfer as the payer's bank has it: from, to (null for cash), amount, time. */
	synchronized Optional<long[]> transfer(String transferId) {
		int i = graph.transferIndex(transferId);
		if (i < 0) {
			return Optional.empty();
		}
		return Optional.of(new long[] { number(graph.accountId(graph.from(i))),
				graph.to(i) < 0 ? -1 : number(graph.accountId(graph.to(i))), graph.amount(i), graph.time(i) });
	}

	private static long number(String accountId) {
		return Long.parseLong(accountId.substring(1));
	}

	private StatementRow row(int t, StatementRow.Direction direction, int other) {
		World w = world;
		String otherId = other < 0 ? null : graph.accountId(other);
		String bank = null;
		String name = null;
		if (otherId != null && w != null && otherId.startsWith("A")) {
			int o = Integer.parseInt(otherId.substring(1));
			if (o < w.population.accounts()) {
				bank = w.population.institutionCode(o);
				name = w.population.holderName(o);
			}
		}
		return new StatementRow(graph.transferId(t), Instant.ofEpochSecond(graph.time(t)), direction, otherId, bank,
				name, graph.amount(t), channel(graph.channel(t)), null, null);
	}

	static StatementRow.Channel channel(String simChannel) {
		return switch (simChannel) {
			case "ATM" -> StatementRow.Channel.ATM;
			case "POS" -> StatementRow.Channel.POS;
			case "CRYPTO_OTC" -> StatementRow.Channel.GOLD_CRYPTO;
			default -> StatementRow.Channel.TRANSFER;
		};
	}

}
