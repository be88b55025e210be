import GRDB

/// The ledger's tables, created and upgraded by GRDB migrations (one per schema version, never edited once shipped).
///
/// Money is stored as decimal text (`"135.5"`) so no amount ever passes through a binary floating point.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE importedFile (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    sha256 TEXT NOT NULL UNIQUE,
                    path TEXT NOT NULL,
                    importedAt TEXT NOT NULL
                );
                CREATE TABLE interchange (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id),
                    controlNumber TEXT NOT NULL,
                    groupControlNumber TEXT NOT NULL,
                    senderId TEXT NOT NULL,
                    receiverId TEXT NOT NULL,
                    submittedOn TEXT NOT NULL,
                    content BLOB NOT NULL
                );
                CREATE INDEX interchangeGroup ON interchange(groupControlNumber);
                CREATE INDEX interchangeControl ON interchange(controlNumber);
                CREATE TABLE claim (
                    id INTEGER PRIMARY KEY,
                    interchangeId INTEGER NOT NULL REFERENCES interchange(id),
                    patientControlNumber TEXT NOT NULL,
                    visitId TEXT,
                    payerId TEXT NOT NULL,
                    payerName TEXT NOT NULL,
                    patientName TEXT,
                    transactionSetControlNumber TEXT NOT NULL,
                    frequencyCode TEXT NOT NULL,
                    originalPayerClaimControlNumber TEXT,
                    chargeAmount TEXT NOT NULL,
                    submittedOn TEXT NOT NULL
                );
                CREATE INDEX claimPatientControlNumber ON claim(patientControlNumber);
                CREATE INDEX claimVisit ON claim(visitId);
                CREATE TABLE claimLine (
                    id INTEGER PRIMARY KEY,
                    claimId INTEGER NOT NULL REFERENCES claim(id),
                    lineNumber INTEGER NOT NULL,
                    procedureCode TEXT NOT NULL,
                    modifiers TEXT NOT NULL,
                    units TEXT NOT NULL,
                    chargeAmount TEXT NOT NULL,
                    serviceDate TEXT,
                    lineControlNumber TEXT
                );
                CREATE INDEX claimLineClaim ON claimLine(claimId);
                CREATE INDEX claimLineControl ON claimLine(lineControlNumber);
                CREATE TABLE batchEntry (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id),
                    bucket TEXT NOT NULL,
                    visitId TEXT NOT NULL,
                    codes TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    reasons TEXT NOT NULL
                );
                CREATE TABLE acknowledgment (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id),
                    claimId INTEGER REFERENCES claim(id),
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    controlNumber TEXT NOT NULL,
                    payerClaimControlNumber TEXT,
                    reasons TEXT NOT NULL
                );
                CREATE INDEX acknowledgmentClaim ON acknowledgment(claimId);
                CREATE TABLE payment (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id),
                    claimId INTEGER REFERENCES claim(id),
                    patientControlNumber TEXT NOT NULL,
                    claimStatus TEXT NOT NULL,
                    chargeAmount TEXT NOT NULL,
                    paidAmount TEXT NOT NULL,
                    patientResponsibilityAmount TEXT NOT NULL,
                    payerClaimControlNumber TEXT NOT NULL,
                    payerName TEXT NOT NULL,
                    paymentDate TEXT NOT NULL,
                    traceNumber TEXT NOT NULL,
                    remarkCodes TEXT NOT NULL
                );
                CREATE INDEX paymentClaim ON payment(claimId);
                CREATE TABLE paymentLine (
                    id INTEGER PRIMARY KEY,
                    paymentId INTEGER NOT NULL REFERENCES payment(id),
                    claimLineId INTEGER REFERENCES claimLine(id),
                    lineControlNumber TEXT,
                    procedureCode TEXT NOT NULL,
                    modifiers TEXT NOT NULL,
                    units TEXT NOT NULL,
                    chargeAmount TEXT NOT NULL,
                    paidAmount TEXT NOT NULL,
                    remarkCodes TEXT NOT NULL
                );
                CREATE INDEX paymentLinePayment ON paymentLine(paymentId);
                CREATE TABLE adjustment (
                    id INTEGER PRIMARY KEY,
                    paymentId INTEGER NOT NULL REFERENCES payment(id),
                    paymentLineId INTEGER REFERENCES paymentLine(id),
                    groupCode TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    quantity TEXT
                );
                CREATE INDEX adjustmentPayment ON adjustment(paymentId);
                CREATE TABLE unmatched (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES importedFile(id),
                    source TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    description TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2") { db in
            // The matcher compares CLM01 without regard to case (LedgerClaimLookup).
            try db.execute(sql: "CREATE INDEX claimPatientControlNumberNoCase ON claim(patientControlNumber COLLATE NOCASE)")
        }
        migrator.registerMigration("v3") { db in
            // Secondary (COB) claims: the case's secondary coverage kept with the primary claim (generate --ledger),
            // and each secondary claim linked to the primary claim it follows.
            try db.execute(sql: """
                CREATE TABLE secondaryCoverage (
                    id INTEGER PRIMARY KEY,
                    claimId INTEGER NOT NULL REFERENCES claim(id),
                    payerId TEXT NOT NULL,
                    coverage TEXT NOT NULL
                );
                CREATE INDEX secondaryCoverageClaim ON secondaryCoverage(claimId);
                ALTER TABLE claim ADD COLUMN primaryClaimId INTEGER REFERENCES claim(id);
                ALTER TABLE claim ADD COLUMN memberId TEXT;
                CREATE INDEX claimMember ON claim(memberId);
                """)
        }
        return migrator
    }
}
