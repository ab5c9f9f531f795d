// Search by the last four characters of a payout account.
CREATE INDEX payment_account_last4 IF NOT EXISTS FOR (n:PaymentAccount) ON (n.last4);
