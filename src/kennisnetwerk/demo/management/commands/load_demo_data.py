from django.core.management.base import BaseCommand, CommandError

from kennisnetwerk.demo.services import DemoDataError, demo_data_load


class Command(BaseCommand):
    help = "Load the demo data set (fictitious organisations, regions, one person per role)."

    def handle(self, *args, **options):
        try:
            logins = demo_data_load()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demodata geladen. Demo-inloggegevens:"))
        width = max(len(login.role) for login in logins)
        for login in logins:
            line = f"  {login.role.ljust(width)}  {login.email}  wachtwoord: {login.password}"
            if login.note:
                line += f"  ({login.note})"
            self.stdout.write(line)
