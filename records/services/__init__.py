"""Services: one verb = one transaction with its role check and audit entry."""
