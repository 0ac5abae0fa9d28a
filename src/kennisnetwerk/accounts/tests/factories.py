import factory
from allauth.account.models import EmailAddress

from kennisnetwerk.accounts.models import Membership, RegionRole, User
from kennisnetwerk.ecosystem.constants import OrganisationType
from kennisnetwerk.ecosystem.models import Organisation
from kennisnetwerk.geo.models import Municipality, Region

PASSWORD = "Geheim-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@voorbeeld.example")
    full_name = factory.Faker("name", locale="nl_NL")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testpartij {n} (fictief)")
    slug = factory.Sequence(lambda n: f"testpartij-{n}")
    type = OrganisationType.MUNICIPALITY
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(name="Oss"))


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testregio {n}")
    slug = factory.Sequence(lambda n: f"testregio-{n}")
    kind = "custom"

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set([Municipality.objects.get(name=name) for name in extracted])


def make_coordinator(region: Region, **kwargs) -> User:
    user = UserFactory(**kwargs)
    RegionRole.objects.create(user=user, region=region, role="coordinator")
    return user


def make_member(organisation: Organisation, role: str = "member", **kwargs) -> User:
    user = UserFactory(**kwargs)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


FACILITATOR_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_facilitator(**kwargs) -> User:
    """A network facilitator with an authenticator app, as the platform requires."""
    from allauth.mfa.totp.internal.auth import TOTP

    from kennisnetwerk.accounts.services import facilitator_set

    user = UserFactory(**kwargs)
    facilitator_set(user=user, is_facilitator=True, actor=None)
    TOTP.activate(user, FACILITATOR_TOTP_SECRET)
    return user
