CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
    CALL 'org.fanzha.audit.internal.AppendOnlyTrigger';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
    CALL 'org.fanzha.audit.internal.AppendOnlyTrigger';
