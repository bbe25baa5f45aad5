-- A correction, clarification or update added to a live story tells its author and assignee (issue #23).
ALTER TYPE "NotificationKind" ADD VALUE 'CORRECTED';
