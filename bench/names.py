"""Realistic pupil lists for the benchmark, generated deterministically from a seed.

The pools mix the heritages found in UK schools (British, Irish, South Asian,
Polish and other Central/Eastern European, Somali, Nigerian and Ghanaian,
Caribbean, Chinese, Arabic, Turkish, Romanian), with accents, apostrophes,
hyphenated and two-part surnames, and the preferred names MIS exports carry.
Nothing is downloaded: the pools are written here.

`pupils(n, seed)` is a prefix of one endless stream, so the first pupils of the
100,000-name list are the same people as the 100-name list: texts that name
them are about listed pupils at every size.
"""
import csv
import io
import random
from dataclasses import dataclass


def _words(names: str) -> tuple[str, ...]:
    """Names separated by spaces; an underscore joins a multi-word name (Ní_Bhriain)."""
    return tuple(name.replace("_", " ") for name in names.split())


# heritage -> (first names, surnames, share of pupils)
POOLS = {
    "british": (_words(
        "Oliver George Harry Jack Jacob Noah Charlie Muhammad Thomas Oscar William James Leo Alfie "
        "Henry Joshua Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Max Daniel Arthur "
        "Lucas Mohammed Logan Theo Harrison Benjamin Mason Sebastian Finley Adam Dylan Zachary Riley "
        "Teddy Theodore David Elijah Jake Toby Louie Reuben Arlo Hugo Luca Jaxon Matthew Harvey "
        "Reggie Michael Harley Jude Albert Tommy Luke Stanley Jenson Frankie Jayden Gabriel Elliot "
        "Mohammad Ronnie Charles Louis Elliott Frederick Nathan Lewis Blake Rory Ollie Ryan Tyler "
        "Jackson Dexter Ezra Caleb Kai Aaron Ellis Bobby Felix Kian Callum Connor Kyle Declan "
        "Olivia Amelia Isla Ava Emily Sophia Grace Mia Poppy Ella Lily Evie Isabella Sophie Ivy "
        "Freya Harper Willow Charlotte Jessica Rosie Daisy Alice Phoebe Florence Isabelle Evelyn "
        "Sienna Sofia Matilda Elsie Ruby Elizabeth Millie Scarlett Layla Emilia Erin Eliza Maya "
        "Esme Lucy Lola Mila Holly Imogen Penelope Hannah Violet Georgia Martha Eleanor Chloe Bella "
        "Zara Harriet Lottie Thea Heidi Emma Nancy Maisie Jasmine Darcie Robyn Bethany Abigail "
        "Amber Megan Leah Niamh Keeley Courtney Paige Jade Summer Faith Hope Joy Will Bill Rose "
        "Mary-Jane Lily-Mae Ellie-May Zoë Chloë Naomi Tilly Beatrice Clara Edith Iris Mabel"
    ), _words(
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
        "Walker White Roberts Green Hall Wood Jackson Clarke Patel Harris Lewis Turner Hill Cooper "
        "Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson "
        "Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey "
        "Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams "
        "Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain "
        "Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker "
        "Fisher Stevens Jenkins Dixon Fletcher Howard Brook Hughes Whitehead Ashworth Hargreaves "
        "Sutcliffe Pickering Greenwood Ackroyd Brooke-Smith Vaughan-Jones Fox Little Moss Stone"
    ), 0.56),
    "irish": (_words(
        "Seán Siobhán Niamh Aoife Ciara Saoirse Róisín Caoimhe Orla Aisling Sinéad Eimear Clodagh "
        "Cian Oisín Darragh Ciarán Pádraig Eoin Conor Fionn Tadhg Ruairí Dónal Cathal Bríd Gráinne "
        "Shannon Kieran Declan Liam Finbar Dermot Brendan Colm Maeve Nuala Fiadh Ailbhe Sorcha"
    ), _words(
        "O'Neill O'Brien O’Connor O'Sullivan Murphy Kelly Byrne Ryan Walsh McCarthy Doyle "
        "Gallagher Doherty Kennedy Lynch Murray Quinn Moore McLaughlin Carroll Connolly Daly "
        "O'Donnell Brennan Burke Collins Dunne Fitzgerald Maguire Nolan Flanagan Hegarty Keane "
        "Mac_Giolla_Bhríde Ní_Bhriain Ó_Súilleabháin McGuinness Reilly Farrell"
    ), 0.05),
    "south_asian": (_words(
        "Muhammad Mohammed Mohammad Ahmed Ali Hassan Hussain Ibrahim Yusuf Yousef Zain Ayaan Rayyan "
        "Rayan Ayaan Zayn Hamza Bilal Imran Usman Umar Omar Abdullah Harun Idris Ismail Zakariya "
        "Arjun Aarav Rohan Vihaan Krish Dev Nikhil Rahul Sanjay Aryan Kabir Ishaan Harjit Gurpreet "
        "Jaspreet Manpreet Simran Harpreet Amrit Navdeep Rajveer Sukhveer Aisha Ayesha Fatima Zainab "
        "Maryam Khadija Khadijah Hafsa Amina Aaliyah Inaya Anaya Safa Sana Noor Zara Iqra Mahnoor "
        "Alina Eman Hira Laiba Ayat Musfirah Priya Ananya Diya Isha Kavya Riya Saanvi Meera Nisha "
        "Shreya Anjali Pooja Tanvi Tahmina Nusrat Sumaiya Tasnim Farhana Shabnam Rukhsana Jannat "
        "Tahmid Sabbir Rafiq Shahid Nazmul Tanvir Arif Kamran Faisal Tariq Waqas Asif Junaid Taha"
    ), _words(
        "Khan Ahmed Ali Hussain Shah Begum Akhtar Iqbal Mahmood Rashid Malik Mirza Qureshi Chaudhry "
        "Chaudhary Butt Raja Bibi Anwar Aslam Aziz Bashir Hanif Ilyas Javed Latif Nawaz Rehman "
        "Rahman Saleem Sharif Siddiqui Yousaf Zaman Kauser Choudhury Miah Uddin Islam Hoque Haque "
        "Chowdhury Ahmed-Khan Patel Shah Mistry Parmar Solanki Chauhan Joshi Pandya Desai Mehta "
        "Sharma Gupta Verma Kumar Singh Kaur Gill Sandhu Sidhu Dhillon Grewal Bains Johal Kang "
        "Nair Menon Pillai Reddy Rao Iyer Krishnan Das Bose Chatterjee Banerjee"
    ), 0.15),
    "polish_cee": (_words(
        "Jakub Kacper Szymon Filip Jan Antoni Mikołaj Wojciech Łukasz Piotr Paweł Bartosz Mateusz "
        "Michał Kamil Dawid Tomasz Krzysztof Maciej Oskar Igor Wiktor Zuzanna Julia Zofia Hanna "
        "Maja Lena Alicja Oliwia Amelia Wiktoria Natalia Aleksandra Katarzyna Małgorzata Agnieszka "
        "Magdalena Weronika Gabriela Kinga Izabela Martyna Emilia Ewa Ania Kasia Basia Gosia "
        "Andrei Ionuț Mihai Alexandru Ștefan Vlad Ioana Andreea Elena Bianca Daria Tudor Darius "
        "Tomas Lukas Matas Dominykas Ieva Gabija Emilija Jānis Kristaps Elīza Anastasija Milena"
    ), _words(
        "Nowak Kowalski Kowalska Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Kamińska "
        "Lewandowski Lewandowska Zieliński Zielińska Szymański Woźniak Dąbrowski Kozłowski "
        "Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski "
        "Król Wieczorek Jabłoński Wróbel Majewski Olszewski Jaworski Malinowski Górski Sikora "
        "Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Rusu Munteanu Matei Constantin "
        "Kazlauskas Jankauskas Petrauskas Bērziņš Kalniņš Horváth Novák Dvořák Danko Kovačević"
    ), 0.07),
    "african": (_words(
        "Abdirahman Abdullahi Abdi Mohamed Mohamud Ahmed Hodan Hibo Ifrah Ayan Sagal Fadumo Hamdi "
        "Nasra Ubah Idil Deeqa Khadra Farhiya Sahra Yasmin Liban Guled Mustafe Jamal Bashir Warsame "
        "Oluwaseun Oluwatobiloba Oluwadamilare Oluwafemi Adebayo Ayodele Babatunde Chukwuemeka "
        "Chinedu Chiamaka Chidinma Ngozi Nneka Adaeze Ifeoma Obinna Emeka Uchenna Tolulope Temitope "
        "Folasade Funmilayo Damilola Tobiloba Ayomide Oreoluwa Precious Blessing Favour Divine "
        "Kwame Kofi Kwabena Yaw Akosua Abena Ama Adwoa Efua Nana Kwesi Esi Ekow Kojo Afia "
        "Tendai Tatenda Rutendo Chipo Tinashe Nyasha Thabo Lerato Sipho Zanele Amara Zuri"
    ), _words(
        "Mohamed Ahmed Hassan Ali Abdi Omar Farah Osman Warsame Yusuf Jama Hirsi Aden Egal Duale "
        "Adeyemi Adebayo Okafor Okonkwo Okoro Eze Nwosu Obi Ogunleye Olawale Oyelaran Adewale "
        "Afolabi Akinola Balogun Bello Chukwu Ibekwe Nnamdi Oduya Ogunbiyi Olatunji Onyeka "
        "Mensah Boateng Owusu Asante Osei Appiah Agyeman Ansah Darko Amoah Acheampong Ofori "
        "Moyo Ncube Dube Sibanda Chikwanha Mutasa Banda Phiri Mwangi Otieno Kamau Achieng"
    ), 0.07),
    "caribbean": (_words(
        "Tyrese Jamal Marcus Dwayne Jermaine Andre Kemar Rohan Shanice Shaniqua Keisha Tanisha "
        "Aaliyah Jada Nia Imani Kayla Ashanti Malachi Isaiah Josiah Elijah Nathaniel Tia Chantelle"
    ), _words(
        "Campbell Brown Williams Thomas Clarke Francis Grant Henry Gordon Reid Morgan Bailey "
        "Edwards Lawrence Walters Samuels Johnson Forbes Powell Bennett McKenzie Blackwood Gayle"
    ), 0.03),
    "chinese_east_asian": (_words(
        "Wei Jie Hao Yi Xin Yu Zhen Jun Ming Hui Ling Mei Xiaoling Xinyi Zihan Yuxuan Haoran Zixuan "
        "Yichen Ruoxi Jiayi Siyu Kai Chloe Ethan Lucas Jason Kevin Vivian Karen Tiffany Wing Ka "
        "Hiu Tsz Nguyen Minh Linh Anh Thao Huy Duc Trang Lan Khanh Haruto Yuki Sakura Aiko Ji-woo "
        "Min-jun Seo-yeon Ha-eun Do-yun"
    ), _words(
        "Chen Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Cheng Lam "
        "Chan Wong Leung Cheung Ng Ho Tsang Yip Chow Tang Lau Nguyen Tran Le Pham Hoang Vu Dang "
        "Bui Do Tanaka Suzuki Sato Watanabe Kim Lee Park Choi Jung"
    ), 0.03),
    "arabic_turkish": (_words(
        "Yusuf Omar Adam Ali Karim Khalid Tariq Sami Rami Ziad Hadi Layla Nour Rania Salma Yasmin "
        "Lina Dana Huda Maryam Amira Malak Jana Emir Mehmet Mustafa Ahmet Eren Efe Kerem Ayşe "
        "Elif Zeynep Defne Ecem Irmak Büşra Gül Ayla Deniz Can Barış Çağla"
    ), _words(
        "Al-Sayed Al-Hashimi Haddad Khoury Nasser Saleh Mansour Abboud Darwish Hamdan Ibrahim "
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç"
    ), 0.04),
}

# Names built from parts, the way many are in life (Gur+preet, Olu+wa+seun, Zi+han,
# Ash+worth, Kowal+ska), so large lists reach the thousands of distinct first names
# and surnames a trust's real roll has: heritage -> field -> (parts, endings, share).
COMPOSED = {
    "british": {
        "first": (_words("Lily Ellie Rosie Amelia Evie Isla Mia Lexi Darcy Poppy Millie Tia"),
                  _words("-Mae -May -Rose -Grace -Jane -Belle -Ann -Louise -Jo"), 0.05),
        "last": (_words("Ash Brad Brom Cal Ches Dar Eg Fair Glen Hal Hart Holl King Lang Mar North "
                        "Ox Pen Rad Roch Sel South Stan Thorn Wake West Whit Wil Wood Black Brig Cran "
                        "Dun Elling Fen Gold Hay Kirk Lin Mid New Ogden Pem Red Shel Stain Tod Wal"),
                 _words("ton ley field worth ford ham wood by shaw bridge dale well brook hurst more "
                        "stead croft wick thorpe cliffe"), 0.35),
    },
    "south_asian": {
        "first": (_words("Gur Har Man Jas Sukh Nav Par Aman Raj Bal Kul Ind Dal Sim Ran Jag Kam Tej"),
                  _words("preet jit deep veer inder want meet jot leen vir pal bir"), 0.25),
        "last": (_words("Abdul_ Abdur_ Ul_ Ur_"),
                 _words("Rahman Karim Aziz Malik Qadir Hakim Latif Majid Wahid Basit Hadi Jabbar Razaq Samad"),
                 0.05),
    },
    "polish_cee": {
        "last": (_words("Nowakow Kowal Wiśniew Kamiń Lewandow Zieliń Szymań Dąbrow Kozłow Jankow "
                        "Kwiatkow Piotrow Grabow Pawłow Michal Jabłoń Majew Olszew Jawor Malinow Gór "
                        "Wasilew Zawadz Sadow Krajew Czarnec Baran Wilczyń Sobolew Tomaszew Stępień "
                        "Ostrow Przybył Wróblew Kaczmar Kubiak"),
                 _words("ski ska cki cka wicz czyk"), 0.5),
    },
    "african": {
        "first": (_words("Olu Oluwa Ade Ayo Ola Temi Tolu Funmi Bola Femi Dami Tobi Chi Nne Ife Oba Kayo"),
                  _words("seun bayo mide tunde femi lare tobiloba kemi wale sola bunmi lade yemi amaka "
                         "dinma nedu oma ebuka nonso ka oma dara"), 0.35),
        "last": (_words("Ade Olu Oke Ogun Afo Ako Oye Adeb Nwa Oko Ono Chukwu Ibe Eze"),
                 _words("yemi labi wale bajo kunle toye kola nkwo chukwu ebuka dozie onye mefuna"), 0.35),
    },
    "chinese_east_asian": {
        "first": (_words("Zi Yu Jia Yi Xin Rui Jun Kai Ming Hui Ling Mei Ting Wen Bo Chen Yang Qi Shu "
                         "Xiao Jing Yan Lei Tian Hong Hao Si Ruo Meng Yun"),
                  _words("han xuan ran yi xin rui jun kai ming hui ling ting wen bo chen yang qi hao "
                         "yu xi tong le na jie"), 0.6),
    },
    "arabic_turkish": {
        "first": (_words("Abdul_ Abd_al- Nur_ Saif_ Ahmed_"),
                  _words("Rahman Karim Aziz Malik Qadir Hakim Latif Majid Wahid Basit Hadi Jabbar Razaq Samad "
                         "Din Ullah Islam Eddin"), 0.25),
    },
}

# Nicknames and the names staff actually use, as a "Preferred Forename" column would hold.
PREFERRED = {
    "Alexander": ("Alex", "Xander", "Sasha"), "William": ("Will", "Billy", "Liam"),
    "Thomas": ("Tom", "Tommy"), "Joseph": ("Joe", "Joey"), "Benjamin": ("Ben", "Benji"),
    "Samuel": ("Sam", "Sammy"), "Daniel": ("Dan", "Danny"), "Matthew": ("Matt",),
    "Nathaniel": ("Nate", "Nat"), "Frederick": ("Fred", "Freddie"), "Theodore": ("Theo", "Teddy"),
    "Elizabeth": ("Lizzie", "Beth", "Eliza", "Libby"), "Charlotte": ("Lottie", "Charlie"),
    "Isabella": ("Bella", "Izzy"), "Isabelle": ("Izzy", "Belle"), "Abigail": ("Abby", "Gail"),
    "Katarzyna": ("Kasia",), "Małgorzata": ("Gosia",), "Aleksandra": ("Ola",), "Wojciech": ("Wojtek",),
    "Agnieszka": ("Aga",), "Magdalena": ("Magda",), "Krzysztof": ("Krzyś", "Chris"),
    "Muhammad": ("Mo", "Hamad"), "Mohammed": ("Mo",), "Mohammad": ("Mo",), "Mohamed": ("Mo", "Moe"),
    "Abdirahman": ("Abdi",), "Abdullahi": ("Abdi",), "Oluwaseun": ("Seun",), "Oluwatobiloba": ("Tobi",),
    "Oluwadamilare": ("Dami", "Lare"), "Oluwafemi": ("Femi",), "Chukwuemeka": ("Emeka",),
    "Oreoluwa": ("Ore",), "Babatunde": ("Tunde",), "Adebayo": ("Bayo",), "Temitope": ("Temi", "Tope"),
    "Zakariya": ("Zak",), "Abdullah": ("Abdul",), "Ibrahim": ("Ibby",), "Gurpreet": ("Gury",),
    "Xinyi": ("Cindy",), "Zihan": ("Grace",), "Yuxuan": ("Lucy",), "Haoran": ("Harry",),
    "Jiayi": ("Joy",), "Siyu": ("Sophie",), "Ruoxi": ("Rosie",), "Yichen": ("Ethan",),
    "Ciarán": ("Kieran",), "Pádraig": ("Paddy",), "Siobhán": ("Shiv",), "Róisín": ("Rosh",),
    "Ștefan": ("Stefan",), "Ionuț": ("Johnny",), "Andreea": ("Andie",), "Anastasija": ("Nastia",),
}
MIXED_HERITAGE_SHARE = 0.08  # first name from one pool, surname from another
DOUBLE_BARREL_SHARE = 0.03


@dataclass(frozen=True)
class GeneratedPupil:
    first_name: str
    last_name: str
    preferred_name: str
    year: int
    form: str

    @property
    def full_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"


def _pick(rng: random.Random, heritage: str, field: str, pool: tuple[str, ...]) -> str:
    parts, endings, share = COMPOSED.get(heritage, {}).get(field, ((), (), 0.0))
    if rng.random() < share:
        part, ending = rng.choice(parts), rng.choice(endings)
        return part + (ending if part.endswith(("-", " ")) or ending.startswith("-") else ending.lower())
    return rng.choice(pool)


def _stream(seed: int):
    rng = random.Random(seed)
    heritages = list(POOLS)
    weights = [POOLS[h][2] for h in heritages]
    forms = "BGRWYKHP"
    while True:
        heritage = rng.choices(heritages, weights)[0]
        first_pool, surname_pool, _ = POOLS[heritage]
        if rng.random() < MIXED_HERITAGE_SHARE:
            surname_pool = POOLS[rng.choices(heritages, weights)[0]][1]
        first = _pick(rng, heritage, "first", first_pool)
        last = _pick(rng, heritage, "last", surname_pool)
        if rng.random() < DOUBLE_BARREL_SHARE and "-" not in last and " " not in last:
            other = rng.choice(POOLS[rng.choices(heritages, weights)[0]][1])
            if other != last and "-" not in other and " " not in other:
                last = f"{last}-{other}"
        preferred = ""
        if first in PREFERRED and rng.random() < 0.5:
            preferred = rng.choice(PREFERRED[first])
        year = rng.randint(7, 13)
        yield GeneratedPupil(first, last, preferred, year, f"{year}{rng.choice(forms)}")


def pupils(n: int, seed: int = 2026) -> list[GeneratedPupil]:
    """The first `n` pupils of the stream for `seed` (so smaller lists are prefixes of larger ones)."""
    stream = _stream(seed)
    return [next(stream) for _ in range(n)]


def pupils_csv(people: list[GeneratedPupil]) -> bytes:
    """A SIMS/Arbor-style export (contract: Forename,Surname,Preferred Forename,Year,Reg Group)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Forename", "Surname", "Preferred Forename", "Year", "Reg Group"])
    for p in people:
        writer.writerow([p.first_name, p.last_name, p.preferred_name, p.year, p.form])
    return out.getvalue().encode("utf-8")


def describe(people: list[GeneratedPupil]) -> dict:
    """How varied a list is: distinct first names, surnames and full names."""
    return {
        "pupils": len(people),
        "first_names": len({p.first_name for p in people} | {p.preferred_name for p in people if p.preferred_name}),
        "surnames": len({p.last_name for p in people}),
        "full_names": len({(p.first_name, p.last_name) for p in people}),
    }
