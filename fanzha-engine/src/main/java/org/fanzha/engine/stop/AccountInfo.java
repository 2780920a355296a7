package org.fanzha.engine.stop;

/**
 * What a stop-payment instruction needs to know about an account beyond the transfer
 * graph.
 */
public interface AccountInfo {

	/**
	 * The account holder's name as the bank has it (the bank checks it), or null when
	 * unknown.
	 */
	String holderName(int account);

	/**
	 * Code of the bank or payment institution that keeps the account, or null when
	 * unknown.
	 */
	String institution(int account);

	/**
	 * The account or card number the bank checks, or the account id when no number is
	 * known.
	 */
	String number(int account);

	AccountInfo NONE = new AccountInfo() {
		@Override
		public String holderName(int account) {
			return null;
		}

		@Override
		public String institution(int account) {
			return null;
		}

		@Override
		public String number(int account) {
			return null;
		}
	};

}
