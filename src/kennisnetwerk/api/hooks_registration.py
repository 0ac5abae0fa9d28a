from kennisnetwerk.core import hooks, personal_data

from .models import ApiToken

personal_data.rule("api.ApiToken.user", export="api_tokens", erasure="deleted")


@hooks.register("personal_data_export")
def export_api_tokens(user):
    return "api_tokens", [
        {
            "name": t.name,
            "starts_with": t.prefix,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
            "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        }
        for t in ApiToken.objects.filter(user=user)
    ]


@hooks.register("personal_data_erase")
def erase_api_tokens(user):
    ApiToken.objects.filter(user=user).delete()
