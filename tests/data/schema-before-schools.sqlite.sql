-- The store's schema at commit c10aeee (before schools), as sqlite DDL: the starting
-- point of the migration test (tests/backend/test_migration.py).

CREATE TABLE admin_users (
	id INTEGER NOT NULL, 
	email VARCHAR(320) NOT NULL, 
	password_hash VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	last_sign_in_at DATETIME, 
	failed_sign_ins INTEGER NOT NULL, 
	first_failed_at DATETIME, 
	locked_until DATETIME, 
	disabled BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_admin_users_email ON admin_users (email);

CREATE TABLE api_tokens (
	id INTEGER NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	label VARCHAR(200) NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	hint VARCHAR(12) NOT NULL, 
	created_at DATETIME NOT NULL, 
	last_used_at DATETIME, 
	revoked_at DATETIME, 
	PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_api_tokens_token_hash ON api_tokens (token_hash);

CREATE TABLE audit_log (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR(320) NOT NULL, 
	action VARCHAR(50) NOT NULL, 
	target VARCHAR(100) NOT NULL, 
	count INTEGER, 
	lists_version INTEGER, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE TABLE console_pending_uploads (
	id INTEGER NOT NULL, 
	admin_id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	filename VARCHAR(255) NOT NULL, 
	data BLOB NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE pupils (
	id INTEGER NOT NULL, 
	first_name VARCHAR(200) NOT NULL, 
	last_name VARCHAR(200) NOT NULL, 
	preferred_name VARCHAR(200) NOT NULL, 
	year VARCHAR(50) NOT NULL, 
	form VARCHAR(50) NOT NULL, 
	aliases JSON NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE school_terms (
	id INTEGER NOT NULL, 
	term VARCHAR(300) NOT NULL, 
	kind VARCHAR(50) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE staff (
	id INTEGER NOT NULL, 
	title VARCHAR(50) NOT NULL, 
	first_name VARCHAR(200) NOT NULL, 
	last_name VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE store_state (
	id INTEGER NOT NULL, 
	lists_version INTEGER NOT NULL, 
	settings JSON, 
	updated_at DATETIME, 
	PRIMARY KEY (id)
);
