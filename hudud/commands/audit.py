"""`hudud audit`, `hudud retention` and `hudud account`: the data-protection operator commands.

    hudud audit verify [--expect-head HASH]   exit 0 when the chain is whole, 1 with findings
    hudud audit head                          the chain's end, to be witnessed elsewhere
    hudud audit trail TYPE ID                 who read or changed a record, when and why
    hudud retention policy                    how long each record type is kept
    hudud retention purge [--dry-run]         erase what is past its retention (for cron)
    hudud retention hold TYPE ID --reason R   place a legal hold; `release HOLD_ID --reason R`
    hudud account unlock USERNAME             release a lockout after failed logins
    hudud account totp-reset USERNAME         new TOTP secret (shown once), old one void
    hudud account totp-reseal                 reseal TOTP secrets after a field-key rotation
    hudud account token-issue USERNAME --name N [--scope AREA ...] [--point CODE ...] [--days D]
    hudud account tokens USERNAME             list an officer's API tokens
    hudud account token-revoke PREFIX         revoke an API token

Each is a thin wrapper around a service; every change is audited as done by the operator
(`--operator`, default the login name running the command).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from hudud.commands._django import setup_django


def register(subparsers: Any) -> None:
    _register_audit(subparsers)
    _register_retention(subparsers)
    _register_account(subparsers)


def _operator(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--operator",
        default=f"operator:{getpass.getuser()}",
        help="who runs this, as the audit trail will name them (default: operator:<login>)",
    )


def _register_audit(subparsers: Any) -> None:
    audit = subparsers.add_parser("audit", help="audit trail: verify the hash chain, read trails")
    actions = audit.add_subparsers(dest="audit_action", metavar="ACTION")
    actions.required = True
    verify = actions.add_parser("verify", help="check every event, link and position")
    verify.add_argument("--expect-head", help="a head hash witnessed earlier (`audit head`)")
    verify.set_defaults(func=_verify)
    head = actions.add_parser("head", help="print the chain's last position and hash")
    head.set_defaults(func=_head)
    trail = actions.add_parser("trail", help="the events about one record, as JSON lines")
    trail.add_argument("object_type", help="e.g. traveller, alert, document")
    trail.add_argument("object_id")
    trail.set_defaults(func=_trail)


def _verify(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.verify import audit_verify

    result = audit_verify(expect_head=args.expect_head)
    for finding in result.findings:
        print(finding.as_text())
    span = f"positions {result.first_sequence}-{result.last_sequence}" if result.events else ""
    state = "intact" if result.ok else f"{len(result.findings)} finding(s)"
    print(f"audit chain: {result.events} events {span}: {state}".replace("  ", " "))
    return 0 if result.ok else 1


def _head(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.models import AuditChainHead

    head = AuditChainHead.objects.filter(pk=1).first()
    print(f"{head.sequence if head else 0} {head.hash if head else '-'}")
    return 0


def _trail(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.selectors import audit_events_for_object

    for event in audit_events_for_object(object_type=args.object_type, object_id=args.object_id):
        row = {
            "sequence": event.sequence,
            "occurred_at": event.occurred_at.isoformat(),
            "who": event.actor_username,
            "agency": event.agency_code,
            "action": event.action,
            "where": event.crossing_point_code,
            "from": event.source_ip,
            "reason": event.reason,
        }
        print(json.dumps(row, ensure_ascii=False))
    return 0


def _register_retention(subparsers: Any) -> None:
    retention = subparsers.add_parser(
        "retention", help="retention: policy, scheduled purge, legal holds"
    )
    actions = retention.add_subparsers(dest="retention_action", metavar="ACTION")
    actions.required = True
    policy = actions.add_parser("policy", help="print how long each record type is kept")
    policy.set_defaults(func=_policy)
    purge = actions.add_parser("purge", help="erase records past their retention (audited)")
    purge.add_argument("--dry-run", action="store_true", help="count, erase nothing")
    purge.set_defaults(func=_purge)
    hold = actions.add_parser("hold", help="place a legal hold on a record")
    hold.add_argument("object_type", help="e.g. traveller")
    hold.add_argument("object_id")
    hold.add_argument("--reason", required=True)
    hold.add_argument("--case", default="", help="case or court reference")
    _operator(hold)
    hold.set_defaults(func=_hold)
    release = actions.add_parser("release", help="release a legal hold")
    release.add_argument("hold_id", type=int)
    release.add_argument("--reason", required=True)
    _operator(release)
    release.set_defaults(func=_release)
    holds = actions.add_parser("holds", help="list the legal holds in force")
    holds.set_defaults(func=_holds)


def _policy(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.retention import retention_policies

    for policy in retention_policies():
        print(f"{policy.record_type:<22} {policy.days:>6} days  {policy.rule}")
    return 0


def _purge(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.retention import retention_purge

    report = retention_purge(dry_run=args.dry_run)
    print(json.dumps(report.as_dict(), indent=2))
    return 0


def _hold(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.holds import legal_hold_place

    hold = legal_hold_place(
        operator=args.operator,
        object_type=args.object_type,
        object_id=args.object_id,
        reason=args.reason,
        case_reference=args.case,
    )
    print(f"legal hold {hold.pk} placed on {hold.object_type} {hold.object_id}")
    return 0


def _release(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.holds import legal_hold_release
    from hudud.common.errors import ServiceError

    try:
        hold = legal_hold_release(operator=args.operator, hold_id=args.hold_id, reason=args.reason)
    except ServiceError as error:
        print(f"hudud retention release: {error}", file=sys.stderr)
        return 2
    print(f"legal hold {hold.pk} on {hold.object_type} {hold.object_id} released")
    return 0


def _holds(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.audit.holds import legal_holds_in_force

    for hold in legal_holds_in_force():
        print(
            f"{hold.pk:>6} {hold.object_type} {hold.object_id} {hold.case_reference} "
            f"since {hold.placed_at:%Y-%m-%d}: {hold.reason}"
        )
    return 0


def _register_account(subparsers: Any) -> None:
    account = subparsers.add_parser("account", help="accounts: lockouts, TOTP resets, API tokens")
    actions = account.add_subparsers(dest="account_action", metavar="ACTION")
    actions.required = True
    unlock = actions.add_parser("unlock", help="release a lockout after failed logins")
    unlock.add_argument("username")
    _operator(unlock)
    unlock.set_defaults(func=_unlock)
    reset = actions.add_parser("totp-reset", help="issue a new TOTP secret (printed once)")
    reset.add_argument("username")
    _operator(reset)
    reset.set_defaults(func=_totp_reset)
    reseal = actions.add_parser(
        "totp-reseal", help="reseal TOTP secrets under the current field key (after rotation)"
    )
    _operator(reseal)
    reseal.set_defaults(func=_totp_reseal)
    issue = actions.add_parser("token-issue", help="issue a scoped API token (printed once)")
    issue.add_argument("username")
    issue.add_argument("--name", required=True, help="what uses it, e.g. 'lane 4 Zurbatiya'")
    issue.add_argument(
        "--scope",
        action="append",
        help="an API area it may call (border, watchlists, manifests, ...); repeat; default all",
    )
    issue.add_argument(
        "--point",
        action="append",
        help="bind a crossing point's node to where it stands (a code among the officer's "
        "postings); repeat; default: wherever the officer is posted",
    )
    issue.add_argument("--days", type=int, default=90, help="days until it expires (default 90)")
    _operator(issue)
    issue.set_defaults(func=_token_issue)
    tokens = actions.add_parser("tokens", help="list an officer's API tokens")
    tokens.add_argument("username")
    tokens.set_defaults(func=_tokens)
    revoke = actions.add_parser("token-revoke", help="revoke an API token by its prefix")
    revoke.add_argument("prefix")
    _operator(revoke)
    revoke.set_defaults(func=_token_revoke)


def _unlock(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.agencies.throttle import lockout_release

    cleared = lockout_release(operator=args.operator, username=args.username)
    print(f"{args.username}: {cleared} recent failure(s) cleared; the account may log in")
    return 0


def _totp_reset(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.agencies.totp import totp_reset
    from hudud.common.errors import ServiceError

    try:
        enrolment = totp_reset(operator=args.operator, username=args.username)
    except ServiceError as error:
        print(f"hudud account totp-reset: {error}", file=sys.stderr)
        return 2
    print(f"secret: {enrolment.secret}")
    print(f"uri:    {enrolment.uri}")
    return 0


def _totp_reseal(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.agencies.totp import totp_reseal

    print(f"{totp_reseal(operator=args.operator)} secret(s) resealed under the current key")
    return 0


def token_print(command: str, officer: Any, **options: Any) -> int:
    """Issue a token for `officer` (`token_issue`'s options) and print it once; a refused
    option is named on stderr with exit 2. Shared by `hudud account token-issue` and
    `hudud token`."""
    from hudud.agencies.tokens import token_issue
    from hudud.common.errors import ServiceError

    try:
        _, clear = token_issue(officer=officer, **options)
    except ServiceError as error:
        print(f"{command}: {error}", file=sys.stderr)
        return 2
    print(clear)
    return 0


def _token_issue(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.agencies.models import Officer

    officer = Officer.objects.filter(user__username=args.username).first()
    if officer is None:
        print(f"hudud account token-issue: no officer {args.username!r}", file=sys.stderr)
        return 2
    return token_print(
        "hudud account token-issue",
        officer,
        name=args.name,
        days=args.days,
        scopes=args.scope,
        crossing_points=args.point,
        operator=args.operator,
    )


def _tokens(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.agencies.models import ApiToken

    rows = ApiToken.objects.filter(officer__user__username=args.username).order_by("created_at")
    for token in rows:
        state = "revoked" if token.revoked_at else f"expires {token.expires_at:%Y-%m-%d}"
        points = f" points={','.join(token.crossing_points)}" if token.crossing_points else ""
        print(f"{token.prefix} {token.name!r} scopes={','.join(token.scopes)}{points} {state}")
    return 0


def _token_revoke(args: argparse.Namespace) -> int:
    setup_django()
    from hudud.agencies.tokens import token_revoke
    from hudud.common.errors import ServiceError

    try:
        token = token_revoke(operator=args.operator, prefix=args.prefix)
    except ServiceError as error:
        print(f"hudud account token-revoke: {error}", file=sys.stderr)
        return 2
    print(f"token {token.prefix} ({token.name}) revoked")
    return 0
