# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_client_base.tests.common import ClientTourCase


@tagged("post_install", "-at_install")
class TestHiddenBannerTour(ClientTourCase):
    def _salespeople(self, number, name):
        """A Russian-speaking salesperson ``name`` and a colleague, Борис Петров, each seeing
        only their own clients ("Own Documents Only")."""
        self.env["res.lang"]._activate_lang("ru_RU")
        sales = "base.group_user,sales_team.group_sale_salesman"
        anna = new_test_user(self.env, login=f"ccb_tour_anna{number}", groups=sales, lang="ru_RU", name=name)
        boris = new_test_user(self.env, login=f"ccb_tour_boris{number}", groups=sales, name="Борис Петров")
        return anna, boris

    def _banner_tour(self, number, name, tour, client, typed, own=False):
        """Salesperson ``name`` runs ``tour`` with ``client`` (values) in the base, held by her
        colleague Борис Петров, or by herself with ``own``: she may read it only then. The tour
        types a card named ``typed`` and leaves it unsaved."""
        anna, boris = self._salespeople(number, name)
        found = self.env["res.partner"].create({**client, "user_id": (anna if own else boris).id})
        self.assertEqual(found.with_user(anna).has_access("read"), own)
        typed_before = self.env["res.partner"].search_count([("name", "=", typed)])
        self.start_tour("/odoo", tour, login=anna.login)
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", typed)]), typed_before, "nothing saved")

    def test_salesperson_types_a_colleague_client(self):
        client = {
            "name": "ООО «Секретный клиент»",
            "is_company": True,
            "phone": "+7 495 765-43-21",
            "street": "Тайная улица, 7",
        }
        self._banner_tour(1, "Анна Иванова", "crm_client_base_dedup_hidden_banner", client, client["name"])

    def test_salesperson_types_a_phone_on_another_card(self):
        client = {"name": "ИП Смирнов Олег", "is_company": True, "phone": "+7 495 222-33-44"}
        self._banner_tour(
            2, "Анна Смирнова", "crm_client_base_dedup_shared_phone_banner", client, "ООО «Ласточка»", own=True
        )

    def test_salesperson_types_a_colleague_client_number(self):
        """The card property chosen as identifying a client (a customer number in 1C), typed
        another way on a new card: the banner names the holder and the reason, nothing else."""
        card = self.env.ref("crm_client_base.crm_client_card_company")
        card.properties_definition = [{"name": "code_1c", "string": "Код 1С", "type": "char"}]
        card.dedup_property = "code_1c"
        client = {
            "name": "ООО «Альфа-Снаб»",
            "is_company": True,
            "client_type": "company",
            "client_properties": {"code_1c": "К-0042"},
        }
        tour = "crm_client_base_dedup_identifying_property_banner"
        self._banner_tour(3, "Анна Кузнецова", tour, client, "ООО «Новая вывеска»")

    def test_salesperson_types_a_colleague_client_at_its_address(self):
        """A private client typed with the patronymic and the surname first, at the address of a
        colleague's client: the names are far apart in every order, the address brings them
        together; the banner names the holder and nothing of the client."""
        client = {
            "name": "Ксения Воронцова",
            "client_type": "private_person",
            "street": "ул. Лесная, д. 173",
            "city": "Москва",
            "phone": "+7 924 936-40-17",
            "email": "voroncova@example.ru",
            "birthday": "1991-04-12",
        }
        tour = "crm_client_base_dedup_address_banner"
        self._banner_tour(4, "Анна Соколова", tour, client, "Воронцова Ксения Константиновна")

    def test_salesperson_types_a_colleague_client_without_its_city(self):
        """A private client typed under the name and birthday of a colleague's client, with a
        new phone and no city: one person (the name born on one day); the banner names the
        holder and nothing of the client."""
        client = {
            "name": "Зарецкая Алла Викторовна",
            "client_type": "private_person",
            "street": "ул. Баумана, д. 7",
            "city": "Казань",
            "phone": "+7 917 220-45-18",
            "email": "alla.z@example.ru",
            "birthday": "1961-07-19",
        }
        tour = "crm_client_base_dedup_birthday_banner"
        self._banner_tour(5, "Анна Морозова", tour, client, "Алла Викторовна Зарецкая")
