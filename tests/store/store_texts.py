"""The texts the store tests analyse, beside the bundled example."""

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "paris-1944.txt"

# Short Russian texts beside the bundled example: a second account of Paris in August 1944
# (de Gaulle and Paris recur, so corpus entities must merge), and two unrelated ones.
TEXTS = {
    "brest.txt": "3 марта 1918 года в Брест-Литовске был подписан мирный договор. Договор подписал "
                 "Григорий Сокольников. Через неделю правительство переехало в Москву.\n",
    "degaulle.txt": "25 августа 1944 года генерал Шарль де Голль прибыл в Париж. На следующий день де Голль "
                    "прошёл по Елисейским полям во главе колонны. Забастовки в городе продолжались до конца месяца.\n",
    "ivanovo.txt": "Весной 1905 года в Иваново-Вознесенске началась забастовка текстильщиков. Рабочие требовали "
                   "восьмичасового рабочего дня. В июне полиция арестовала Фёдора Афанасьева в Иваново-Вознесенске.\n",
}
